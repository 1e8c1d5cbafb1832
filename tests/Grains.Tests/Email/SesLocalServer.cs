using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grains.Tests.Email;

// Stand-in until TestKit's LocalAws.SesAsync() is available: one aws-ses-v2-local process per test run.
internal static class SesLocalServer
{
    private static readonly Lazy<Task<Uri>> _endpoint = new(StartAsync);

    public static Task<Uri> EndpointAsync()
    {
        var configured = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SESV2");
        return string.IsNullOrWhiteSpace(configured) ? _endpoint.Value : Task.FromResult(new Uri(configured));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<Uri> StartAsync()
    {
        var cli = FindCli();
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo("node", [cli, "--host", "127.0.0.1", "--port", port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node could not be started.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        };

        var endpoint = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint, "/store"));
                if (response.IsSuccessStatusCode)
                {
                    return endpoint;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"aws-ses-v2-local did not answer on {endpoint} (exited: {process.HasExited}).");
    }

    private static string FindCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var cli = Path.Combine(dir.FullName, "node_modules", "aws-ses-v2-local", "dist", "cli.js");
            if (File.Exists(cli))
            {
                return cli;
            }
        }

        throw new InvalidOperationException("node_modules/aws-ses-v2-local not found above the test directory; run `npm ci` in the repository root.");
    }
}
