using System.Xml.Linq;

namespace Deploy.Tests;

public sealed class DockerfileTests
{
    [Theory]
    [InlineData("src/Silo/Dockerfile", "src/Silo/Silo.csproj", "Silo.dll")]
    [InlineData("src/Api/Dockerfile", "src/Api/Api.csproj", "Api.dll")]
    public void DockerfilesBuildFromRepoRootInLockedMode(string dockerfile, string project, string entryAssembly)
    {
        var instructions = Instructions(RepoFiles.Read(dockerfile));

        var froms = instructions.Where(i => i.Op == "FROM").Select(i => i.Args).ToList();
        Assert.Equal(2, froms.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0 ", froms[0]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", froms[1]);

        var restore = instructions.FindIndex(i => i.Op == "RUN" && i.Args.Contains("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore >= 0, "no dotnet restore step.");
        Assert.Contains($"{project} --locked-mode", instructions[restore].Args);
        var publish = instructions.FindIndex(i => i.Op == "RUN" && i.Args.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.True(publish > restore, "publish must follow restore.");
        Assert.Contains($"{project} -c Release", instructions[publish].Args);
        Assert.Contains("--no-restore", instructions[publish].Args);

        // Restore sees only build settings, project files and lock files, so its layer survives code edits;
        // every project the host references (transitively) must be there, or locked mode fails.
        var closure = ProjectClosure(project).ToList();
        var copiedBeforeRestore = instructions.Take(restore).Where(i => i.Op == "COPY").SelectMany(i => Sources(i.Args)).ToHashSet();
        var needed = new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }
            .Concat(closure.SelectMany(p => new[] { p, ProjectDirectory(p) + "/packages.lock.json" }));
        foreach (var file in needed)
        {
            Assert.True(copiedBeforeRestore.Contains(file), $"{dockerfile} does not copy {file} before restore.");
        }

        // Publish compiles the sources of every project in the closure, copied after restore.
        var copiedBeforePublish = instructions.Take(publish).Skip(restore).Where(i => i.Op == "COPY").SelectMany(i => Sources(i.Args)).ToHashSet();
        foreach (var directory in closure.Select(ProjectDirectory))
        {
            Assert.True(copiedBeforePublish.Contains(directory), $"{dockerfile} does not copy the sources of {directory} before publish.");
        }

        // Sources are relative to the build context; that they exist shows the context is the repository root.
        foreach (var source in instructions.Where(i => i.Op == "COPY" && !i.Args.StartsWith("--from", StringComparison.Ordinal)).SelectMany(i => Sources(i.Args)))
        {
            Assert.True(File.Exists(RepoFiles.PathOf(source)) || Directory.Exists(RepoFiles.PathOf(source)), $"{dockerfile} copies {source}, which is not in the repository.");
        }

        var finalStage = instructions.Skip(instructions.FindLastIndex(i => i.Op == "FROM")).ToList();
        var user = Assert.Single(finalStage, i => i.Op == "USER").Args;
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        // Exec form: dotnet runs as PID 1 and receives SIGTERM itself.
        Assert.Equal($"[\"dotnet\", \"{entryAssembly}\"]", Assert.Single(finalStage, i => i.Op == "ENTRYPOINT").Args);
    }

    [Fact]
    public void SiloImageExposesTheSiloGatewayAndHealthPortsItListensOn()
    {
        var text = RepoFiles.Read("src/Silo/Dockerfile");
        var finalStage = FinalStage(Instructions(text));
        var silo = CodeSettings.Silo;

        // Other silos dial 11111, Orleans clients (the API) 30000, health checks 8080: the options' defaults.
        Assert.Equal(
            new[] { silo.Port, silo.GatewayPort, silo.HealthPort }.Order(),
            Exposed(finalStage).Order());

        var env = Env(finalStage);
        Assert.Equal("Silo", env["Cluster__Mode"]);
        Assert.Equal(silo.Port.ToString(), env["Silo__Port"]);
        Assert.Equal(silo.GatewayPort.ToString(), env["Silo__GatewayPort"]);
        Assert.Equal(silo.HealthPort.ToString(), env["Silo__HealthPort"]);
        AssertSettingsBind(env, "src/Silo/Dockerfile");
        AssertEveryExposedPortIsExplained(text, Exposed(finalStage), "src/Silo/Dockerfile");
    }

    [Fact]
    public void ApiImageExposesOnlyItsHttpPort()
    {
        var text = RepoFiles.Read("src/Api/Dockerfile");
        var finalStage = FinalStage(Instructions(text));

        // The API is an Orleans client: it dials the silos' gateways and listens only for HTTP.
        Assert.Equal([8080], Exposed(finalStage));

        var env = Env(finalStage);
        Assert.Equal("Client", env["Cluster__Mode"]);
        Assert.Equal("8080", env["ASPNETCORE_HTTP_PORTS"]);
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("Silo__", StringComparison.Ordinal));
        AssertSettingsBind(env, "src/Api/Dockerfile");
        AssertEveryExposedPortIsExplained(text, Exposed(finalStage), "src/Api/Dockerfile");
    }

    [Fact]
    public void DockerIgnoreKeepsBuildOutputAndLocalStateOutOfTheContext()
    {
        var patterns = RepoFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim().TrimEnd('/')).ToHashSet();
        foreach (var name in new[] { "bin", "obj", "node_modules", ".data", "TestResults" })
        {
            Assert.True(patterns.Contains(name) || patterns.Contains($"**/{name}"), $".dockerignore lacks {name}.");
        }

        Assert.Contains(".git", patterns);
    }

    private sealed record Instruction(string Op, string Args);

    private static List<Instruction> FinalStage(List<Instruction> instructions) =>
        instructions.Skip(instructions.FindLastIndex(i => i.Op == "FROM")).ToList();

    private static List<int> Exposed(List<Instruction> stage) =>
        stage.Where(i => i.Op == "EXPOSE").SelectMany(i => i.Args.Split(' ')).Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>ENV in its "KEY=value KEY2=value2" form (continuation lines are already joined).</summary>
    private static Dictionary<string, string> Env(List<Instruction> stage) =>
        stage.Where(i => i.Op == "ENV").SelectMany(i => i.Args.Split(' ')).Select(p =>
        {
            var pair = p.Split('=', 2);
            Assert.True(pair.Length == 2, $"ENV {p} is not in KEY=value form.");
            return pair;
        }).ToDictionary(p => p[0], p => p[1]);

    private static void AssertSettingsBind(Dictionary<string, string> env, string dockerfile)
    {
        foreach (var (key, value) in env) CodeSettings.AssertBinds(key, value, dockerfile);
    }

    /// <summary>A comment names each exposed port, so whoever edits the file knows who dials it.</summary>
    private static void AssertEveryExposedPortIsExplained(string dockerfile, IEnumerable<int> ports, string path)
    {
        var comments = string.Join('\n', dockerfile.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('#')));
        foreach (var port in ports)
        {
            Assert.True(comments.Contains(port.ToString(), StringComparison.Ordinal), $"{path}: no comment says what port {port} is for.");
        }
    }

    private static string ProjectDirectory(string project) => Path.GetDirectoryName(project)!.Replace('\\', '/');

    private static List<Instruction> Instructions(string dockerfile)
    {
        var joined = dockerfile.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(p => new Instruction(p[0].ToUpperInvariant(), p.Length > 1 ? string.Join(' ', p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)) : ""))
            .ToList();
    }

    /// <summary>COPY sources: every argument but the last, which is the destination.</summary>
    private static IEnumerable<string> Sources(string copyArgs)
    {
        var parts = copyArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return parts[..^1].Select(p => p.TrimEnd('/'));
    }

    /// <summary>The project and every project it references, as repository-relative paths.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current)) continue;
            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Parse(RepoFiles.Read(current)).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                var full = Path.GetFullPath(Path.Combine(RepoFiles.Root, directory, include));
                pending.Push(Path.GetRelativePath(RepoFiles.Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }
}
