extern alias api;

using System.Diagnostics;
using System.Globalization;
using api::Api.Holds;
using Grains.Abstractions;
using Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Benchmarks;

/// <summary>
/// The hot-event scenario's sustained mix without HTTP: virtual buyers call the event grain
/// in-process through Orleans (a one-silo cluster on DynamoDB membership), and every decision is still durable in DynamoDB (Local) before
/// its answer. Set against the same mix through the API (`./bench.sh`), it shows how much of a
/// request's cost is the engine and how much the HTTP path around it. Holds and releases go
/// through the API's per-event batching (`--unbatched`: one grain call each, to compare).
/// </summary>
internal static class EngineLoad
{
    private const int RowsPerSection = 10;
    private const int IdentitiesPerBuyer = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var buyers = Option(args, "--buyers", 256);
        var seats = Option(args, "--seats", 50_000);
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 10));
        var duration = TimeSpan.FromSeconds(Option(args, "--duration", 30));
        var release = Option(args, "--release", 0.95);
        var confirm = Option(args, "--confirm", 0.02);
        var batching = new HoldBatchingOptions { Enabled = !args.Contains("--unbatched") };
        batching.MaxBatchSize = Option(args, "--batch-size", batching.MaxBatchSize);
        batching.MaxBatchesInFlight = Option(args, "--batches-in-flight", batching.MaxBatchesInFlight);
        if (Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB") is null || Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SESV2") is null)
        {
            // Never AWS itself by accident: a benchmark's confirmations would send real emails.
            Console.Error.WriteLine("engine: set AWS_ENDPOINT_URL_DYNAMODB and AWS_ENDPOINT_URL_SESV2 to local endpoints; scripts/engine-bench.sh starts both.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DynamoDb:TablePrefix"] = $"engine{Guid.NewGuid():N}"[..16] + "-",
            ["Cluster:ClusterId"] = "engine-" + Guid.NewGuid().ToString("N")[..8],
            ["Silo:GatewayPort"] = "0",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBookingSilo();
        using var host = builder.Build();
        await host.StartAsync();
        EngineResult result;
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var eventId = await CreateEventAsync(grains, seats);
            Console.WriteLine($"engine: {buyers} buyers, {seats:N0} seats, release {release:P0}, confirm {confirm:P0}, {warmup.TotalSeconds:0} s warm-up, {duration.TotalSeconds:0} s measured, {(batching.Enabled ? $"batched ({batching.MaxBatchSize} at most, {batching.MaxBatchesInFlight} in flight)" : "unbatched")}");
            var holds = new EventHoldCalls(grains, Microsoft.Extensions.Options.Options.Create(batching));
            result = await RunBuyersAsync(grains.GetGrain<IEventGrain>(eventId), holds, buyers, warmup, duration, release, confirm);
        }
        finally
        {
            await host.StopAsync();
        }

        // After the stop, so the summary stays the last line: the event grain may still be delivering
        // its outbox when the silo stops, and Orleans logs the placements it can no longer make.
        result.Print();
        return 0;
    }

    private static async Task<string> CreateEventAsync(IGrainFactory grains, int seats)
    {
        var organizer = new Caller { UserId = "engine-organizer" };
        var venueId = Guid.NewGuid().ToString("N");
        var venue = await grains.GetGrain<IVenueGrain>(venueId).Create(new CreateVenue
        {
            Caller = organizer,
            Name = "Arena",
            Sections = EventFactory.Sections(seats, RowsPerSection),
        });
        if (!venue.Succeeded) throw new InvalidOperationException($"Venue {venueId} was refused: {venue.Failure!.Detail}");

        var eventId = Guid.NewGuid().ToString("N");
        var created = await grains.GetGrain<IEventGrain>(eventId).Create(new CreateEvent
        {
            Caller = organizer,
            VenueId = venueId,
            Definition = new EventDefinition
            {
                Slug = "engine-" + eventId,
                Title = "Engine load",
                StartAt = DateTimeOffset.UtcNow.AddDays(30),
                EndAt = DateTimeOffset.UtcNow.AddDays(30).AddHours(3),
                Prices = new Dictionary<string, decimal> { ["default"] = 25m },
                Currency = "EUR",
                HoldTtlSeconds = 15,
                MaxSeatsPerHold = 100,
            },
        });
        if (!created.Succeeded) throw new InvalidOperationException($"Event {eventId} was refused: {created.Failure!.Detail}");
        return eventId;
    }

    private static async Task<EngineResult> RunBuyersAsync(IEventGrain grain, EventHoldCalls holds, int buyers, TimeSpan warmup, TimeSpan duration, double release, double confirm)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var measureUntil = warmup + duration;
        var eventId = grain.GetPrimaryKeyString();
        var cpuAtStart = Task.Delay(warmup).ContinueWith(_ => Process.GetCurrentProcess().TotalProcessorTime, TaskScheduler.Default);
        var workers = Enumerable.Range(0, buyers).Select(b => Task.Run(async () =>
        {
            var random = new Random(b);
            var counts = new WorkerCounts();
            for (var i = 0; clock.Elapsed < measureUntil; i++)
            {
                var caller = new Caller { UserId = $"engine-buyer-{b}-{i % IdentitiesPerBuyer}" };
                var started = Stopwatch.GetTimestamp();
                var measured = clock.Elapsed >= measureFrom;
                var hold = await holds.Place(eventId, new PlaceHold { Caller = caller, Quantity = random.Next(1, 5) });
                if (measured) counts.HoldLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!hold.Succeeded)
                {
                    if (measured) counts.Refused++;
                    if (hold.Failure!.Title == "Not enough seats") break;
                    continue;
                }

                if (measured) counts.Holds++;
                var roll = random.NextDouble();
                var command = new HoldCommand { Caller = caller, HoldId = hold.Value!.HoldId };
                if (roll < release)
                {
                    var released = await holds.Release(eventId, command);
                    if (measured && released.Succeeded) counts.Releases++;
                }
                else if (roll < release + confirm)
                {
                    var booked = await grain.Confirm(new ConfirmHold { Caller = caller, HoldId = command.HoldId });
                    if (measured && booked.Succeeded) counts.Confirms++;
                }
            }

            return counts;
        })).ToList();

        var all = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed - measureFrom;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - await cpuAtStart;
        return new EngineResult(all, elapsed, cpu);
    }

    private static T Option<T>(string[] args, string name, T fallback) where T : IParsable<T>
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? T.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class WorkerCounts
    {
        public List<double> HoldLatencies { get; } = [];

        public long Holds { get; set; }

        public long Refused { get; set; }

        public long Releases { get; set; }

        public long Confirms { get; set; }
    }

    private sealed record EngineResult(WorkerCounts[] Workers, TimeSpan Elapsed, TimeSpan Cpu)
    {
        public void Print()
        {
            var latencies = Workers.SelectMany(w => w.HoldLatencies).Order().ToArray();
            double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))];
            var seconds = Elapsed.TotalSeconds;
            var holds = Workers.Sum(w => w.Holds);
            var decisions = holds + Workers.Sum(w => w.Releases) + Workers.Sum(w => w.Confirms);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"holds/s {holds / seconds:F0}, releases/s {Workers.Sum(w => w.Releases) / seconds:F0}, confirms/s {Workers.Sum(w => w.Confirms) / seconds:F0}, refused/s {Workers.Sum(w => w.Refused) / seconds:F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hold latency ms p50 {Percentile(0.50):F1}, p95 {Percentile(0.95):F1}, p99 {Percentile(0.99):F1}, max {Percentile(1):F1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"this process's CPU per decision {Cpu.TotalMicroseconds / Math.Max(1, decisions):F0} µs ({Cpu.TotalSeconds / seconds:F2} cores; DynamoDB Local's is not counted)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"engine holds/s={holds / seconds:F0} decisions/s={decisions / seconds:F0} p99_ms={Percentile(0.99):F1}"));
        }
    }
}
