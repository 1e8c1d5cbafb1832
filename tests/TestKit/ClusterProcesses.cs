using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansDynamoDb.Client;
using OrleansDynamoDb.Clustering;

namespace TestKit;

/// <summary>
/// A real cluster for a test: silo processes and one or more API processes (cluster clients)
/// started from the built binaries, on DynamoDB Local with a table prefix and an Orleans cluster id
/// of their own. Silos can be added, killed (SIGKILL) and terminated (SIGTERM) while the test runs;
/// every process logs to TestResults/cluster-logs/, and <see cref="RunAsync"/> attaches the log
/// tails to a failure. Disposing kills whatever still runs.
/// </summary>
public sealed class ClusterProcesses : IAsyncDisposable
{
    /// <summary>The API's JSON conventions (camelCase, as ASP.NET Core's web defaults).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    private const int StartAttempts = 3;
    private const string OperatorId = "cluster-operator";
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(90);

    private readonly object _gate = new();
    private readonly List<ClusterSilo> _silos = [];
    private readonly Uri _dynamoDb;
    private readonly Uri _ses;
    private readonly string _logDirectory;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(int Index, ProcessHost Process, HttpClient Client)> _apis = [];
    private int _nextApiIndex;
    private IHost? _observer;
    private string? _operatorToken;
    private int _nextIndex;

    private ClusterProcesses(string name, Uri dynamoDb, Uri ses)
    {
        Name = name;
        _dynamoDb = dynamoDb;
        _ses = ses;
        TablePrefix = TestSilo.NewTablePrefix();
        ClusterId = "cluster-" + TablePrefix.TrimEnd('-');
        _logDirectory = Path.Combine(ClusterBinaries.LogDirectory, $"{name}-{TablePrefix.TrimEnd('-')}");
        Directory.CreateDirectory(_logDirectory);
    }

    public string Name { get; }

    public string TablePrefix { get; }

    public string ClusterId { get; }

    /// <summary>Progress notes (the test's output); each line gets the seconds since the cluster started.</summary>
    public Action<string>? Log { get; set; }

    public IReadOnlyList<ClusterSilo> Silos
    {
        get
        {
            lock (_gate) return [.. _silos];
        }
    }

    /// <summary>A client for the (first) API, without credentials; requests carry their own bearer token.</summary>
    public HttpClient Api => Apis.Count > 0 ? Apis[0] : throw new InvalidOperationException("The API is not started.");

    /// <summary>A client for each API process, in the order they started.</summary>
    public IReadOnlyList<HttpClient> Apis
    {
        get
        {
            lock (_gate) return [.. _apis.Select(a => a.Client)];
        }
    }

    public ProcessHost? ApiProcess
    {
        get
        {
            lock (_gate) return _apis.Count > 0 ? _apis[0].Process : null;
        }
    }

    /// <summary>
    /// Builds the binaries if needed, starts <paramref name="silos"/> silos and (by default) one API,
    /// or <paramref name="apis"/> of them, and waits until the API sees the silos all active.
    /// </summary>
    public static async Task<ClusterProcesses> StartAsync(string name, int silos, bool startApi = true, Action<string>? log = null, int apis = 1)
    {
        var dynamoDb = await LocalAws.DynamoDbAsync();
        var ses = await LocalAws.SesAsync();
        await ClusterBinaries.EnsureBuiltAsync();
        var cluster = new ClusterProcesses(name, dynamoDb, ses) { Log = log };
        try
        {
            // The first silo creates the tables; the others would only wait for them meanwhile.
            await cluster.StartSiloAsync();
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => cluster.StartSiloAsync()));
            if (startApi)
            {
                await Task.WhenAll(Enumerable.Range(0, apis).Select(_ => cluster.StartApiAsync()));
                await cluster.WaitForActiveSilosAsync(silos);
            }

            return cluster;
        }
        catch (Exception e)
        {
            var logs = cluster.LogTails();
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"The cluster '{name}' did not start: {e.Message}{Environment.NewLine}{logs}", e);
        }
    }

    /// <summary>Starts one more silo and waits until it is ready (tables there, runtime started); it turns Active in membership shortly after.</summary>
    public async Task<ClusterSilo> StartSiloAsync()
    {
        int index;
        lock (_gate) index = _nextIndex++;
        for (var attempt = 1; ; attempt++)
        {
            var grainPort = FreePort.Next();
            var gatewayPort = FreePort.Next();
            var healthPort = FreePort.Next();
            var environment = CommonEnvironment();
            environment["Cluster__Mode"] = "Silo";
            environment["Silo__Port"] = Invariant(grainPort);
            environment["Silo__GatewayPort"] = Invariant(gatewayPort);
            environment["Silo__HealthPort"] = Invariant(healthPort);
            environment["Ses__ServiceUrl"] = _ses.ToString();
            environment["Reminders__MinimumReminderPeriod"] = "00:00:02";
            environment["Reminders__RefreshReminderListPeriod"] = "00:00:02";
            environment["Events__RecoveryReminderPeriod"] = "00:00:02";
            var process = ProcessHost.Start(
                $"silo {index}",
                Path.Combine(_logDirectory, $"silo-{index}.log"),
                RepoRoot.Path,
                "dotnet",
                [ClusterBinaries.SiloDll, .. _loggingArguments],
                environment);
            if (await process.WaitForSuccessAsync(new Uri($"http://127.0.0.1:{healthPort}/health/ready"), _startTimeout))
            {
                var silo = new ClusterSilo(index, grainPort, healthPort, process);
                lock (_gate)
                {
                    _silos.Add(silo);
                    _silos.Sort((a, b) => a.Index.CompareTo(b.Index));
                }

                Note($"silo {index} ready at {silo.Address} (pid {process.Id})");
                return silo;
            }

            // Most likely another process took one of the free ports before the silo bound it.
            var tail = process.Tail();
            process.Dispose();
            if (attempt >= StartAttempts) throw new InvalidOperationException($"silo {index} exited during start-up ({attempt} attempts).{Environment.NewLine}{tail}");
        }
    }

    /// <summary>Starts an API process as a cluster client and waits until it is ready (it knows at least one active silo).</summary>
    public async Task StartApiAsync()
    {
        int index;
        lock (_gate) index = _nextApiIndex++;
        var name = index == 0 ? "api" : $"api {index}";
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var environment = CommonEnvironment();
            environment["Cluster__Mode"] = "Client";
            environment["Auth__DevTokens__Enabled"] = "true";
            // Hold storms from a few buyers are the point of these tests.
            environment["RateLimits__Enabled"] = "false";
            environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            var process = ProcessHost.Start(
                name,
                Path.Combine(_logDirectory, index == 0 ? "api.log" : $"api-{index}.log"),
                RepoRoot.Path,
                "dotnet",
                [ClusterBinaries.ApiDll, .. _loggingArguments],
                environment);
            var address = new Uri($"http://127.0.0.1:{port}");
            if (await process.WaitForSuccessAsync(new Uri(address, "/health/ready"), _startTimeout))
            {
                var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                {
                    BaseAddress = address,
                    Timeout = TimeSpan.FromSeconds(60),
                };
                lock (_gate)
                {
                    _apis.Add((index, process, client));
                    _apis.Sort((a, b) => a.Index.CompareTo(b.Index));
                }

                Note($"{name} ready at {address} (pid {process.Id})");
                return;
            }

            var tail = process.Tail();
            process.Dispose();
            if (attempt >= StartAttempts) throw new InvalidOperationException($"The {name} process exited during start-up ({attempt} attempts).{Environment.NewLine}{tail}");
        }
    }

    /// <summary>SIGKILL: the silo vanishes without leaving the membership table; the others must declare it dead.</summary>
    public void KillSilo(int index)
    {
        var silo = Silo(index);
        silo.Process.Kill();
        Note($"silo {index} killed (SIGKILL), exit code {silo.Process.ExitCode}");
    }

    /// <summary>SIGTERM: the silo leaves gracefully. Returns its exit code.</summary>
    public async Task<int> TerminateSiloAsync(int index, TimeSpan? timeout = null)
    {
        var silo = Silo(index);
        Note($"silo {index} terminating (SIGTERM)");
        var exitCode = await silo.Process.TerminateAsync(timeout ?? TimeSpan.FromSeconds(45));
        Note($"silo {index} exited with code {exitCode}");
        return exitCode;
    }

    /// <summary>
    /// The silo that hosts a grain's activation now (null when it has none), as Orleans' grain
    /// directory says: asked through an Orleans client of the test's own, which activates nothing.
    /// </summary>
    public async Task<ClusterSilo?> HostOfAsync(Func<IGrainFactory, IAddressable> grain)
    {
        var client = await ObserverAsync();
        var address = await client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain(client));
        if (address is null) return null;
        var endpoint = address.Endpoint.ToString();
        return Silos.FirstOrDefault(s => s.Address == endpoint)
            ?? throw new InvalidOperationException($"The grain is on silo {address}, which is none of this cluster's processes.");
    }

    public ClusterSilo Silo(int index) => Silos.FirstOrDefault(s => s.Index == index) ?? throw new ArgumentOutOfRangeException(nameof(index), $"There is no silo {index}.");

    /// <summary>A development token from the API's issuer.</summary>
    public async Task<string> TokenAsync(string userId, params string[] roles)
    {
        using var response = await Api.PostAsJsonAsync("/dev/token", new { userId, roles });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /dev/token for {userId} answered {(int)response.StatusCode}: {body}");
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("token").GetString();
        return token ?? throw new InvalidOperationException("POST /dev/token answered without a token.");
    }

    /// <summary>A token with the admin role: sees every hold and booking, and the cluster.</summary>
    public async Task<string> OperatorTokenAsync() => _operatorToken ??= await TokenAsync(OperatorId, "admin");

    /// <summary>GET /cluster as the API reports it (straight from the membership table).</summary>
    public async Task<ClusterReport> MembershipAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cluster");
        request.Headers.Authorization = new("Bearer", await OperatorTokenAsync());
        using var response = await Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET /cluster answered {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<ClusterReport>(body, JsonOptions)
            ?? throw new InvalidOperationException("GET /cluster answered null.");
    }

    /// <summary>
    /// A silo's status as its newest row in the membership table says right now, read consistently
    /// from DynamoDB without going through any silo (a few milliseconds, so short phases such as
    /// ShuttingDown can be watched); null before it joined.
    /// </summary>
    public async Task<string?> StoredStatusAsync(ClusterSilo silo)
    {
        await ObserverAsync();
        var client = _observer!.Services.GetRequiredService<IAmazonDynamoDB>();
        var table = _observer.Services.GetRequiredService<IOptions<DynamoDbOptions>>().Value.MembershipTable;
        var rows = await client.QueryAsync(new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
            KeyConditionExpression = "ClusterId = :cluster AND begins_with(SiloAddress, :address)",
            ExpressionAttributeValues = new()
            {
                [":cluster"] = new AttributeValue { S = ClusterId },
                [":address"] = new AttributeValue { S = silo.Address + "@" },
            },
        });

        // The newest incarnation of the address has the largest generation.
        return rows.Items
            .OrderByDescending(row => SiloAddress.FromParsableString(row["SiloAddress"].S).Generation)
            .Select(row => row["Status"].S)
            .FirstOrDefault();
    }

    /// <summary>The membership row of one of our silos (matched by its grain address), or null before it joined.</summary>
    public static ClusterReportSilo? RowOf(ClusterReport report, ClusterSilo silo) =>
        report.Silos.Where(s => s.Address == silo.Address).OrderByDescending(s => s.StartedAt).FirstOrDefault();

    /// <summary>Waits until the API reports <paramref name="count"/> active silos, all of them ours and running.</summary>
    public async Task<ClusterReport> WaitForActiveSilosAsync(int count, TimeSpan? timeout = null)
    {
        ClusterReport? last = null;
        await Eventually.WaitUntilAsync(
            async () =>
            {
                last = await MembershipAsync();
                var running = Silos.Where(s => !s.Process.HasExited).Select(s => s.Address).ToHashSet();
                var active = last.Silos.Where(s => s.Status == "Active").ToList();
                return active.Count == count && active.All(s => running.Contains(s.Address));
            },
            $"{count} silos are Active (last seen: {Describe(last)})",
            timeout ?? TimeSpan.FromSeconds(30));
        Note($"membership: {Describe(last)}");
        return last!;
    }

    public static string Describe(ClusterReport? report) =>
        report is null ? "nothing" : string.Join("; ", report.Silos.Select(s => $"{s.Address} {s.Status} heartbeat {s.HeartbeatAgeSeconds}s ago, {s.Activations} activations"));

    /// <summary>Runs a test body; a failure carries the tails of every process's log.</summary>
    public async Task RunAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception e)
        {
            throw new ClusterTestFailure($"{e.GetType().Name}: {e.Message}{Environment.NewLine}{Environment.NewLine}{LogTails()}", e);
        }
    }

    public string LogTails(int lines = 40)
    {
        var processes = Silos.Select(s => s.Process).ToList();
        lock (_gate) processes.AddRange(_apis.Select(a => a.Process));
        return string.Join(Environment.NewLine, processes.Select(p => p.Tail(lines)));
    }

    public void Note(string message) => Log?.Invoke($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {message}");

    public async ValueTask DisposeAsync()
    {
        if (_observer is not null)
        {
            // Its silos may be gone already: it is given a moment, then left to the process exit.
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _observer.StopAsync(stop.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
            _observer.Dispose();
        }

        List<(int Index, ProcessHost Process, HttpClient Client)> apis;
        lock (_gate) apis = [.. _apis];
        foreach (var (_, process, client) in apis)
        {
            client.Dispose();
            process.Dispose();
        }

        foreach (var silo in Silos) silo.Process.Dispose();
    }

    /// <summary>
    /// Starts the test's own Orleans client now (seconds on a loaded machine) rather than on its
    /// first use, so that a scenario's timing does not include it.
    /// </summary>
    public Task ConnectObserverAsync() => ObserverAsync();

    /// <summary>The test's own Orleans client of the cluster (through the gateways in the membership table), started on first use.</summary>
    private async Task<IClusterClient> ObserverAsync()
    {
        if (_observer is null)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.UseOrleansClient(client => client
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = ServiceId;
                })
                .UseDynamoDbClustering(o =>
                {
                    o.ServiceUrl = _dynamoDb.ToString();
                    o.TablePrefix = TablePrefix;
                }));
            var host = builder.Build();
            using var start = new CancellationTokenSource(_startTimeout);
            await host.StartAsync(start.Token);
            _observer = host;
        }

        return _observer.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The processes' Orleans ServiceId (Cluster:ServiceId's default).</summary>
    private const string ServiceId = "booking";

    private Dictionary<string, string?> CommonEnvironment() => new()
    {
        ["ASPNETCORE_URLS"] = null,
        ["ASPNETCORE_HTTP_PORTS"] = null,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = null,
        // Five runtimes share two cores here: one GC heap each keeps them small.
        ["DOTNET_gcServer"] = "0",
        ["Cluster__ClusterId"] = ClusterId,
        ["DynamoDb__ServiceUrl"] = _dynamoDb.ToString(),
        ["DynamoDb__TablePrefix"] = TablePrefix,
        ["AWS_ACCESS_KEY_ID"] = "local",
        ["AWS_SECRET_ACCESS_KEY"] = "local",
        ["AWS_REGION"] = "us-east-1",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
    };

    // Command-line settings, since sh drops environment variables whose names have dots.
    private static readonly string[] _loggingArguments = ["--Logging:LogLevel:Microsoft.AspNetCore=Warning", "--Logging:LogLevel:Orleans=Warning"];

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One silo process of a <see cref="ClusterProcesses"/>.</summary>
public sealed record ClusterSilo(int Index, int GrainPort, int HealthPort, ProcessHost Process)
{
    /// <summary>The endpoint the silo advertises in Orleans' membership table (silo-to-silo traffic).</summary>
    public string Address => $"127.0.0.1:{GrainPort}";
}

/// <summary>The body of GET /cluster.</summary>
public sealed record ClusterReport(string Mode, IReadOnlyList<ClusterReportSilo> Silos);

public sealed record ClusterReportSilo(string SiloId, string Address, string Status, double HeartbeatAgeSeconds, int Activations, DateTimeOffset StartedAt);

public sealed class ClusterTestFailure(string message, Exception inner) : Exception(message, inner);
