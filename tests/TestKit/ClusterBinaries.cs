namespace TestKit;

/// <summary>
/// The built Silo and Api executables the cluster tests run as separate processes. They are
/// built once per test process, in the test assembly's own configuration, so a test never runs
/// binaries older than the sources it was built with.
/// </summary>
public static class ClusterBinaries
{
    /// <summary>Set to 1 to run the binaries as they are (they must exist), e.g. while iterating on a test.</summary>
    public const string SkipBuildVariable = "CLUSTER_TESTS_SKIP_BUILD";

    private static readonly TimeSpan _buildTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim _gate = new(1, 1);
    private static bool _built;

    /// <summary>The build configuration of the running test assembly: the folder under bin/ it runs from.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";

    public static string SiloDll => Dll("Silo");

    public static string ApiDll => Dll("Api");

    public static string LogDirectory => Path.Combine(RepoRoot.Path, "TestResults", "cluster-logs");

    public static async Task EnsureBuiltAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_built) return;
            var skip = Environment.GetEnvironmentVariable(SkipBuildVariable) == "1" && File.Exists(SiloDll) && File.Exists(ApiDll);
            if (!skip && !UpToDate())
            {
                // One after the other: the two share Grains and the providers, and parallel builds of
                // the same project collide in obj/. The second build finds the shared part done.
                await BuildAsync(Path.Combine("src", "Silo", "Silo.csproj"));
                await BuildAsync(Path.Combine("src", "Api", "Api.csproj"));
            }

            foreach (var dll in new[] { SiloDll, ApiDll })
            {
                if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing after the build.", dll);
            }

            _built = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// True when both binaries are newer than every source under src/ and the build settings:
    /// then even a no-op build (half a minute on a busy two-core machine) is skipped.
    /// </summary>
    private static bool UpToDate()
    {
        if (!File.Exists(SiloDll) || !File.Exists(ApiDll)) return false;
        var built = new[] { File.GetLastWriteTimeUtc(SiloDll), File.GetLastWriteTimeUtc(ApiDll) }.Min();
        var settings = new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }
            .Select(name => Path.Combine(RepoRoot.Path, name))
            .Where(File.Exists);
        var sources = Directory
            .EnumerateFiles(Path.Combine(RepoRoot.Path, "src"), "*", new EnumerationOptions { RecurseSubdirectories = true })
            .Where(path => !IsBuildOutput(path));
        return settings.Concat(sources).All(path => File.GetLastWriteTimeUtc(path) < built);
    }

    private static bool IsBuildOutput(string path)
    {
        var separator = Path.DirectorySeparatorChar;
        return path.Contains($"{separator}bin{separator}", StringComparison.Ordinal) || path.Contains($"{separator}obj{separator}", StringComparison.Ordinal);
    }

    private static string Dll(string project) =>
        Path.Combine(RepoRoot.Path, "src", project, "bin", Configuration, "net10.0", project + ".dll");

    private static async Task BuildAsync(string project)
    {
        var log = Path.Combine(LogDirectory, $"build-{Path.GetFileNameWithoutExtension(project)}.log");
        if (File.Exists(log)) File.Delete(log);

        // No node reuse and no compiler server: nothing of the build may outlive it and hold on
        // to this test process. Restore is a quick no-op once done, and needed on a fresh clone.
        using var build = ProcessHost.Start(
            $"dotnet build {project}",
            log,
            RepoRoot.Path,
            "dotnet",
            ["build", project, "-c", Configuration, "--nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            environment: new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0" });
        var exitCode = await build.WaitForExitAsync(_buildTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Building {project} ({Configuration}) failed with exit code {exitCode}.{Environment.NewLine}{build.Tail(60)}");
        }
    }
}
