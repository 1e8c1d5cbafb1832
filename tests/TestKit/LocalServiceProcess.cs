using System.Diagnostics;

namespace TestKit;

/// <summary>A local service (DynamoDB Local, SES local) started for the lifetime of a test process.</summary>
public sealed class LocalServiceProcess : IDisposable
{
    // sh holds the read end of a pipe whose write end only this process has. However this
    // process ends, even by SIGKILL when a test run is cancelled, the pipe closes, `cat` returns
    // and sh kills the service, so no java or node process outlives the tests. The service gets
    // its own session so terminal job control never stops it, and so killing the group takes
    // any helpers it started. An in-memory service has nothing to flush, so SIGKILL is fine.
    private const string WatchdogScript = """
        log="$1"; shift
        if command -v setsid >/dev/null 2>&1; then set -- setsid "$@"; fi
        "$@" >>"$log" 2>&1 </dev/null &
        child=$!
        cat >/dev/null
        kill -KILL -- "-$child" 2>/dev/null || kill -KILL "$child" 2>/dev/null
        wait "$child"
        """;

    private static readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly Process _process;

    private LocalServiceProcess(string name, string logPath, Process process)
    {
        Name = name;
        LogPath = logPath;
        _process = process;
    }

    public string Name { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public static LocalServiceProcess Start(
        string name, string logPath, string workingDirectory, string fileName, IEnumerable<string> arguments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        File.WriteAllText(logPath, string.Empty);

        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(WatchdogScript);
        startInfo.ArgumentList.Add("local-service");
        startInfo.ArgumentList.Add(logPath);
        startInfo.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        return new LocalServiceProcess(name, logPath, process);
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers. Any HTTP status counts unless
    /// <paramref name="requireSuccess"/>; returns false if the process exits first.
    /// </summary>
    public async Task<bool> WaitForHttpAsync(Uri url, bool requireSuccess, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            try
            {
                using var response = await _probe.GetAsync(url).ConfigureAwait(false);
                if (!requireSuccess || response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not serving yet (the probe timed out).
            }

            if (HasExited)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        }

        throw new TimeoutException(
            $"{Name} did not answer {url} within {timeout.TotalSeconds:0}s. Last lines of {LogPath}:{Environment.NewLine}{LogTail()}");
    }

    public string LogTail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join(Environment.NewLine, all.TakeLast(lines));
        }
        catch (IOException exception)
        {
            return $"(log unavailable: {exception.Message})";
        }
    }

    // Only closes the pipe and lets the watchdog do the killing: this runs from ProcessExit,
    // where the test host may be killed at any moment, and Process.Kill(entireProcessTree)
    // SIGSTOPs the tree before killing it, so an interrupted call can leave a stopped orphan.
    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            // The pipe is already broken, so the watchdog has already seen it close.
        }

        _process.Dispose();
    }
}
