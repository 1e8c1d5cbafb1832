using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LoadTest.Cli;
using LoadTest.Http;
using LoadTest.Metrics;
using Spectre.Console;

namespace LoadTest.Scenarios;

/// <summary>
/// The catalogue under search load: seeds events (published, varied cities, categories, tags,
/// artists, prices and dates), waits until the catalogue lists them all, measures the HTTP ceiling,
/// then runs closed-loop searchers with mixed filters (full text with typos, city, tags, category,
/// price, dates, availability, every sort, pages 1-3) against GET /events.
/// </summary>
internal sealed class SearchBench(LoadOptions options, IAnsiConsole console)
{
    public const int DefaultEvents = 10_000;

    private static readonly string[] s_cities = ["Lisbon", "Porto", "Madrid", "Paris", "Berlin", "Rome", "Vienna", "Prague", "Dublin", "Oslo", "Athens", "Warsaw"];
    private static readonly string[] s_categories = ["concert", "conference", "theatre", "sports", "comedy", "festival"];
    private static readonly string[] s_tags = ["music", "outdoor", "family", "tech", "food", "art", "jazz", "rock", "kids", "night", "free", "vip"];
    private static readonly string[] s_words = ["Jazz", "Festival", "Summer", "Night", "Symphony", "Lights", "Market", "Comedy", "Marathon", "Summit", "Opera", "Gala", "Harbour", "River", "Garden", "Winter", "Sessions", "Live"];
    private static readonly string[] s_artists = ["Nina Keys", "The Bolts", "Ana Mar", "Rui Sol", "Miles Ahead", "Lena Park", "Orchestra Nova", "DJ Tide"];
    private static readonly string[] s_typos = ["festivl", "symphny", "marathn", "sessons", "harbuor", "gardne", "summr", "opera", "jazz festivl", "winter lights", "live sessions"];
    private static readonly string[] s_sorts = ["startAt", "-startAt", "price"];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var count = options.EventsSet ? options.Events : DefaultEvents;
        using var http = HttpClientFactory.Create(options.Url, options.Buyers);
        var api = new ApiClient(http);
        var runId = RunSetup.NewRunId();
        try
        {
            // Many organizers, as a real catalogue has: each one's user grain records the events it hosts.
            var organizers = new string[Organizers];
            for (var i = 0; i < organizers.Length; i++) organizers[i] = ApiClient.BearerValue(await api.CreateTokenAsync($"{runId}-organizer-{i}", ["organizer"], ct));
            var admin = ApiClient.BearerValue(await api.CreateTokenAsync($"{runId}-admin", ["admin"], ct));
            var before = Math.Max(0, await CatalogueTotalAsync(http, admin, ct));
            var searchers = new string[16];
            for (var i = 0; i < searchers.Length; i++) searchers[i] = ApiClient.BearerValue(await api.CreateTokenAsync($"{runId}-searcher-{i}", [], ct));

            var seeding = Stopwatch.StartNew();
            Step($"seed: {count} events");
            await SeedAsync(http, organizers, runId, count, ct);
            Step($"seeded in {seeding.Elapsed.TotalSeconds:0.0} s; waiting until the catalogue lists them");
            await WaitUntilListedAsync(http, admin, before + count, ct);
            Step($"listed after {seeding.Elapsed.TotalSeconds:0.0} s");

            Step($"ceiling: {options.Buyers} workers on GET /{CeilingLoad.Path} for {options.WarmupSeconds}+{options.DurationSeconds} s");
            var ceilingLoad = new CeilingLoad(api, options.Buyers);
            var ceiling = await ceilingLoad.RunAsync(RunWindow.StartingNow(options.WarmupSeconds, options.DurationSeconds), ct);
            var ceilingPerSecond = ceiling.OkPerSecond(Operation.Ceiling);

            Step($"search: {options.Buyers} searchers for {options.WarmupSeconds}+{options.DurationSeconds} s");
            var window = RunWindow.StartingNow(options.WarmupSeconds, options.DurationSeconds);
            var workers = Enumerable.Range(0, options.Buyers).Select(i => new SearchWorker(i)).ToArray();
            await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(http, searchers, window, ct), CancellationToken.None)));
            var measured = window.MeasuredSeconds(Stopwatch.GetTimestamp());
            var latency = new LatencyHistogram();
            foreach (var w in workers) latency.Add(w.Latency);
            var ok = workers.Sum(w => w.Ok);
            var failed = workers.Sum(w => w.Failed);
            var perSecond = ok / Math.Max(measured, 1e-9);
            var hits = workers.Sum(w => w.Hits);

            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{count} events; {ok} searches in {measured:0.0} s ({hits / Math.Max(ok, 1):0} matches on average); latency p50 {latency.ValueAtPercentile(50) / 1000.0:0.0} ms, p90 {latency.ValueAtPercentile(90) / 1000.0:0.0} ms, p99 {latency.ValueAtPercentile(99) / 1000.0:0.0} ms, max {latency.MaxMicros / 1000.0:0.0} ms; ceiling p99 {ceiling.Total[Operation.Ceiling].Latency.ValueAtPercentile(99) / 1000.0:0.0} ms")));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"searches/s={perSecond:0} ceiling/s={ceilingPerSecond:0} ratio={(ceilingPerSecond == 0 ? 0 : perSecond / ceilingPerSecond):0.000} p50_ms={latency.ValueAtPercentile(50) / 1000.0:0.0} p99_ms={latency.ValueAtPercentile(99) / 1000.0:0.0} failed={failed}"));
            return failed == 0 ? ScenarioRunner.ExitOk : ScenarioRunner.ExitIncorrect;
        }
        catch (Exception e) when (e is ApiCallException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            console.MarkupLine($"[red]search bench failed:[/] {Markup.Escape(e.Message)}");
            Console.Out.WriteLine("searches/s=0 ceiling/s=0 ratio=0 p50_ms=0 p99_ms=0 failed=-1");
            return ScenarioRunner.ExitFailure;
        }
    }

    private const int Organizers = 100;

    private async Task SeedAsync(HttpClient http, string[] organizers, string runId, int count, CancellationToken ct)
    {
        var firstDay = DateTimeOffset.UtcNow.Date.AddDays(7);
        var done = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
        {
            var random = new Random(i);
            var start = new DateTimeOffset(firstDay.AddDays(random.Next(365)).AddHours(18 + random.Next(4)), TimeSpan.Zero);
            var title = $"{Pick(random, s_words)} {Pick(random, s_words)} {i}";
            var tags = s_tags.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray();
            var body = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["slug"] = $"{runId}-s{i}",
                ["title"] = title,
                ["description"] = $"{Pick(random, s_words)} and {Pick(random, s_words).ToLowerInvariant()} with {Pick(random, s_artists)}.",
                ["capacity"] = 50 + random.Next(500),
                ["startAt"] = start,
                ["endAt"] = start.AddHours(3),
                ["city"] = Pick(random, s_cities),
                ["category"] = Pick(random, s_categories),
                ["tags"] = tags,
                ["artists"] = new[] { Pick(random, s_artists) },
                ["prices"] = new Dictionary<string, decimal> { ["default"] = random.Next(0, 200) },
                ["currency"] = "EUR",
            }, SearchJsonContext.Default.DictionaryStringObject);
            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("Authorization", organizers[i % organizers.Length]);
                request.Headers.TryAddWithoutValidation("Idempotency-Key", $"{runId}-s{i}");
                using var response = await http.SendAsync(request, token);
                if (response.IsSuccessStatusCode) break;
                if (attempt >= 5 || (int)response.StatusCode < 500) throw new ApiCallException($"POST /events: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
                await Task.Delay(500 * attempt, token);
            }

            if (Interlocked.Increment(ref done) % 1000 == 0) Step($"seeded {done}");
        });
    }

    private static async Task WaitUntilListedAsync(HttpClient http, string admin, int count, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await CatalogueTotalAsync(http, admin, ct) < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The catalogue did not list {count} events within 2 minutes.");
            await Task.Delay(250, ct);
        }
    }

    /// <summary>Events in the catalogue as an admin sees them (drafts included); -1 while it does not answer.</summary>
    private static async Task<int> CatalogueTotalAsync(HttpClient http, string admin, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "events?pageSize=1");
        request.Headers.TryAddWithoutValidation("Authorization", admin);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK) return -1;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>One mixed search: a few filters drawn at random, as a catalogue page would send them.</summary>
    internal static string Query(Random random)
    {
        var parts = new List<string>();
        if (random.NextDouble() < 0.4) parts.Add("q=" + Uri.EscapeDataString(Pick(random, s_typos)));
        if (random.NextDouble() < 0.4) parts.Add("city=" + Pick(random, s_cities));
        if (random.NextDouble() < 0.3) parts.Add("tags=" + Pick(random, s_tags) + (random.NextDouble() < 0.3 ? "," + Pick(random, s_tags) : ""));
        if (random.NextDouble() < 0.3) parts.Add("category=" + Pick(random, s_categories));
        if (random.NextDouble() < 0.1) parts.Add("artist=" + Uri.EscapeDataString(Pick(random, s_artists)));
        if (random.NextDouble() < 0.2) parts.Add($"priceMin={random.Next(0, 50)}&priceMax={random.Next(50, 200)}");
        if (random.NextDouble() < 0.2)
        {
            var from = DateTimeOffset.UtcNow.Date.AddDays(random.Next(0, 200));
            parts.Add($"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(from.AddDays(60).ToString("O", CultureInfo.InvariantCulture))}");
        }

        if (random.NextDouble() < 0.2) parts.Add("available=true");
        if (random.NextDouble() < 0.3) parts.Add("sort=" + Pick(random, s_sorts));
        parts.Add($"page={1 + (random.NextDouble() < 0.2 ? random.Next(1, 3) : 0)}&pageSize=20");
        return "events?" + string.Join('&', parts);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private void Step(string text) => console.MarkupLine($"[grey]» {Markup.Escape(text)}[/]");

    private sealed class SearchWorker(int index)
    {
        public LatencyHistogram Latency { get; } = new();

        public long Ok { get; private set; }

        public long Failed { get; private set; }

        public long Hits { get; private set; }

        public async Task RunAsync(HttpClient http, string[] tokens, RunWindow window, CancellationToken ct)
        {
            var random = new Random(index);
            while (!ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                if (window.IsOver(start)) return;
                using var request = new HttpRequestMessage(HttpMethod.Get, Query(random));
                request.Headers.TryAddWithoutValidation("Authorization", tokens[random.Next(tokens.Length)]);
                var ok = false;
                var total = 0;
                try
                {
                    using var response = await http.SendAsync(request, ct);
                    var body = await response.Content.ReadAsStreamAsync(ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
                        total = json.RootElement.GetProperty("total").GetInt32();
                        ok = true;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (!window.IsMeasured(start)) continue;
                if (!ok)
                {
                    Failed++;
                    continue;
                }

                Latency.RecordElapsed(start, Stopwatch.GetTimestamp());
                Ok++;
                Hits += total;
            }
        }
    }
}
