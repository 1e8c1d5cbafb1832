using System.Diagnostics;
using System.Globalization;

namespace TestKit;

/// <summary>
/// One OS process started for a test (a silo, the API, a build), its output appended to a log
/// file. The process is exec'd by sh, so its pid, signals and exit code are the program's own;
/// a watchdog kills it if the test process dies without disposing it (a cancelled run).
/// </summary>
public sealed class ProcessHost : IDisposable
{
    // exec replaces sh: the pid we hold is the program's, SIGTERM reaches it directly, and the
    // exit code is its own. The output goes straight to the file: no pipe ties it to this process.
    private const string LaunchScript = """
        log="$1"; shift
        exec "$@" >>"$log" 2>&1 </dev/null
        """;

    // Reads a pipe only this test process writes to: when this process ends, however it ends,
    // the pipe closes, cat returns and the watched program is killed.
    private const string WatchdogScript = """
        cat >/dev/null
        kill -KILL "$1" 2>/dev/null
        """;

    private static readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly Process _process;
    private readonly Process? _watchdog;
    private int _disposed;

    private ProcessHost(string name, string logPath, Process process, Process? watchdog)
    {
        Name = name;
        LogPath = logPath;
        _process = process;
        _watchdog = watchdog;
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, or null while the process runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ProcessHost Start(
        string name,
        string logPath,
        string workingDirectory,
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool watchdog = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        File.AppendAllText(logPath, $"--- {DateTimeOffset.Now:O} starting {name}: {fileName} {string.Join(' ', arguments)}{Environment.NewLine}");

        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(LaunchScript);
        startInfo.ArgumentList.Add(name);
        startInfo.ArgumentList.Add(logPath);
        startInfo.ArgumentList.Add(fileName);
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) startInfo.Environment.Remove(key);
            else startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        Process? guard = null;
        if (watchdog)
        {
            var guardInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true };
            guardInfo.ArgumentList.Add("-c");
            guardInfo.ArgumentList.Add(WatchdogScript);
            guardInfo.ArgumentList.Add("watchdog");
            guardInfo.ArgumentList.Add(process.Id.ToString(CultureInfo.InvariantCulture));
            guard = Process.Start(guardInfo);
        }

        return new ProcessHost(name, logPath, process, guard);
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 2xx. Returns false when the process exits
    /// first (typically: another process took its port); throws with the log tail on timeout.
    /// </summary>
    public async Task<bool> WaitForSuccessAsync(Uri url, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (HasExited) return false;
            try
            {
                using var response = await _probe.GetAsync(url);
                if (response.IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"{Name} did not answer {url} with success within {timeout.TotalSeconds:0}s.{Environment.NewLine}{Tail()}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} (pid {Id}) did not exit within {timeout.TotalSeconds:0}s.{Environment.NewLine}{Tail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (HasExited) return;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        _process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    /// <summary>SIGTERM, as an orchestrator stopping a container, then waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!HasExited)
        {
            var kill = new ProcessStartInfo("kill") { UseShellExecute = false };
            kill.ArgumentList.Add("-TERM");
            kill.ArgumentList.Add(Id.ToString(CultureInfo.InvariantCulture));
            using var signal = Process.Start(kill) ?? throw new InvalidOperationException("Could not run kill.");
            await signal.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>
    /// The last lines of the log, headed by the process name, for failure messages; before them
    /// the last warnings and errors (with their message line), which a busy log pushes out of the tail.
    /// </summary>
    public string Tail(int lines = 40, int problems = 10)
    {
        string[] all;
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            all = reader.ReadToEnd().Split('\n');
        }
        catch (IOException e)
        {
            all = [$"(log unavailable: {e.Message})"];
        }

        var flagged = all
            .Select((line, i) => (line, i))
            .Where(x => x.line.Contains(" warn: ", StringComparison.Ordinal) || x.line.Contains(" fail: ", StringComparison.Ordinal) || x.line.Contains(" crit: ", StringComparison.Ordinal))
            .TakeLast(problems)
            .Select(x => x.i + 1 < all.Length ? x.line + Environment.NewLine + all[x.i + 1] : x.line)
            .ToList();
        var state = HasExited ? $"exited with {_process.ExitCode}" : "running";
        var header = $"----- {Name} (pid {Id}, {state}), {LogPath}";
        var warnings = flagged.Count == 0 ? "" : $"{Environment.NewLine}last {flagged.Count} warnings and errors:{Environment.NewLine}{string.Join(Environment.NewLine, flagged)}";
        return $"{header}{warnings}{Environment.NewLine}last {lines} lines:{Environment.NewLine}{string.Join(Environment.NewLine, all.TakeLast(lines))}";
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Kill();
        if (_watchdog is not null)
        {
            // Kill the watchdog before closing its pipe, so it never signals a pid the system
            // may have handed to another process by then; its cat ends when the pipe closes.
            try
            {
                _watchdog.Kill();
                _watchdog.WaitForExit(TimeSpan.FromSeconds(5));
                _watchdog.StandardInput.Close();
            }
            catch (InvalidOperationException)
            {
            }
            catch (IOException)
            {
            }

            _watchdog.Dispose();
        }

        _process.Dispose();
    }
}
