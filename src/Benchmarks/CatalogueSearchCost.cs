using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grains.Abstractions;
using Grains.Catalogue;

namespace Benchmarks;

/// <summary>
/// CPU time of <see cref="CatalogueIndex.Search"/> alone (no HTTP, no grain call) over a catalogue
/// shaped like the load tool's search seed, with the search scenario's mix of queries, and a digest
/// of every answer so two builds can be shown to answer alike:
///   dotnet run -c Release --project src/Benchmarks -- catalogue-search [events] [searches] [threads]
/// The digest covers a second, wider mix too (drafts, owners, admins, relevance, page sizes), run
/// once before the timing.
/// </summary>
public static class CatalogueSearchCost
{
    private const int Organizers = 100;
    private const int Searchers = 16;

    private static readonly string[] s_cities = ["Lisbon", "Porto", "Madrid", "Paris", "Berlin", "Rome", "Vienna", "Prague", "Dublin", "Oslo", "Athens", "Warsaw"];
    private static readonly string[] s_categories = ["concert", "conference", "theatre", "sports", "comedy", "festival"];
    private static readonly string[] s_tags = ["music", "outdoor", "family", "tech", "food", "art", "jazz", "rock", "kids", "night", "free", "vip"];
    private static readonly string[] s_words = ["Jazz", "Festival", "Summer", "Night", "Symphony", "Lights", "Market", "Comedy", "Marathon", "Summit", "Opera", "Gala", "Harbour", "River", "Garden", "Winter", "Sessions", "Live"];
    private static readonly string[] s_artists = ["Nina Keys", "The Bolts", "Ana Mar", "Rui Sol", "Miles Ahead", "Lena Park", "Orchestra Nova", "DJ Tide"];
    private static readonly string[] s_typos = ["festivl", "symphny", "marathn", "sessons", "harbuor", "gardne", "summr", "opera", "jazz festivl", "winter lights", "live sessions"];
    private static readonly CatalogueSort[] s_sorts = [CatalogueSort.StartAt, CatalogueSort.StartAtDescending, CatalogueSort.Price];
    private static readonly DateTimeOffset s_today = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var searches = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
        var threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;

        using var index = new CatalogueIndex();
        index.Apply(Enumerable.Range(0, events).Select(Entry));
        index.Refresh();

        var digest = Digest(index);
        Changes(index, events);
        Console.WriteLine($"answers digest: {digest}, after changes {Digest(index)}");

        var searchers = Enumerable.Range(0, Searchers).Select(i => new Caller { UserId = $"searcher-{i}" }).ToArray();
        var mix = Mix(new Random(1), searches, searchers);
        foreach (var (query, caller) in mix.Take(Math.Min(2_000, mix.Length))) index.Search(query, caller);

        for (var round = 1; round <= 3; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            long matches = 0;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                long mine = 0;
                for (var i = t; i < mix.Length; i += threads) mine += index.Search(mix[i].Query, mix[i].Caller).Total;
                Interlocked.Add(ref matches, mine);
            });
            var elapsed = Stopwatch.GetElapsedTime(started);
            var cpuMicros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / mix.Length;
            var kilobytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / mix.Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {mix.Length:N0} searches on {threads} thread(s) in {elapsed.TotalSeconds:0.00} s: {mix.Length / elapsed.TotalSeconds:N0} searches/s, {cpuMicros:N0} µs CPU and {kilobytes:N1} KB allocated per search, {matches / mix.Length:N0} matches on average"));
        }

        ByKind(index, searchers[0]);
        return 0;
    }

    /// <summary>CPU µs per search of the load tool's kinds of query, one at a time, repeated (CPU time: the machine is shared).</summary>
    private static void ByKind(CatalogueIndex index, Caller caller)
    {
        var kinds = new (string Kind, CatalogueQuery Query)[]
        {
            ("everything, by start", new CatalogueQuery()),
            ("city + tag", new CatalogueQuery { City = "Lisbon", Tags = ["music"] }),
            ("category + price, by price", new CatalogueQuery { Category = "concert", PriceMin = 10, PriceMax = 90, Sort = CatalogueSort.Price }),
            ("one word, exact", new CatalogueQuery { Text = "opera", Sort = CatalogueSort.Relevance }),
            ("one word, typo", new CatalogueQuery { Text = "festivl", Sort = CatalogueSort.Relevance }),
            ("one word, typo, by start", new CatalogueQuery { Text = "festivl" }),
            ("two words, one typo", new CatalogueQuery { Text = "jazz festivl", Sort = CatalogueSort.Relevance }),
            ("60 days, available, page 3", new CatalogueQuery { From = s_today.AddDays(30), To = s_today.AddDays(90), AvailableOnly = true, Page = 3 }),
        };
        foreach (var (kind, query) in kinds)
        {
            for (var i = 0; i < 200; i++) index.Search(query, caller);
            const int runs = 2_000;
            var total = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < runs; i++) total += index.Search(query, caller).Total;
            var micros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / runs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-28} {micros,8:N1} µs CPU per search ({total / runs:N0} matches)"));
        }
    }

    /// <summary>The search scenario's mix (src/LoadTest/Scenarios/SearchBench.cs, Query), as grain queries.</summary>
    private static (CatalogueQuery Query, Caller Caller)[] Mix(Random random, int count, Caller[] callers)
    {
        var mix = new (CatalogueQuery, Caller)[count];
        for (var i = 0; i < count; i++)
        {
            var text = random.NextDouble() < 0.4 ? Pick(random, s_typos) : null;
            var city = random.NextDouble() < 0.4 ? Pick(random, s_cities) : null;
            string[] tags = random.NextDouble() < 0.3 ? (random.NextDouble() < 0.3 ? [Pick(random, s_tags), Pick(random, s_tags)] : [Pick(random, s_tags)]) : [];
            var category = random.NextDouble() < 0.3 ? Pick(random, s_categories) : null;
            var artist = random.NextDouble() < 0.1 ? Pick(random, s_artists) : null;
            decimal? priceMin = null, priceMax = null;
            if (random.NextDouble() < 0.2)
            {
                priceMin = random.Next(0, 50);
                priceMax = random.Next(50, 200);
            }

            DateTimeOffset? from = null, to = null;
            if (random.NextDouble() < 0.2)
            {
                from = s_today.AddDays(random.Next(0, 200));
                to = from.Value.AddDays(60);
            }

            var available = random.NextDouble() < 0.2;
            var sort = text is null ? CatalogueSort.StartAt : CatalogueSort.Relevance;
            if (random.NextDouble() < 0.3) sort = Pick(random, s_sorts);
            var page = 1 + (random.NextDouble() < 0.2 ? random.Next(1, 3) : 0);
            mix[i] = (new CatalogueQuery
            {
                Text = text, City = city, Tags = tags, Category = category, Artist = artist, PriceMin = priceMin, PriceMax = priceMax,
                From = from, To = to, AvailableOnly = available, Sort = sort, Page = page, PageSize = 20,
            }, Pick(random, callers));
        }

        return mix;
    }

    /// <summary>SHA-256 over every answer (ids in order, availability, totals, facets) of the bench mix and a wider one.</summary>
    private static string Digest(CatalogueIndex index)
    {
        var callers = new List<Caller> { new() { UserId = "admin", IsAdmin = true } };
        callers.AddRange(Enumerable.Range(0, 8).Select(i => new Caller { UserId = $"organizer-{i}" }));
        callers.AddRange(Enumerable.Range(0, 4).Select(i => new Caller { UserId = $"searcher-{i}" }));
        var random = new Random(7);
        var wide = Mix(random, 3_000, [.. callers]).Select(q => (q.Query with
        {
            Owner = random.NextDouble() < 0.1 ? $"organizer-{random.Next(Organizers)}" : null,
            Sort = random.NextDouble() < 0.2 ? CatalogueSort.Relevance : q.Query.Sort,
            Text = random.NextDouble() < 0.1 ? Pick(random, ["jazz", "nina", "lights summer", "ana mar", "festival", "gala opera", "xyzzy", "festivl nght"]) : q.Query.Text,
            PageSize = random.NextDouble() < 0.2 ? 1 + random.Next(100) : 20,
            Page = random.NextDouble() < 0.05 ? 1 + random.Next(200) : q.Query.Page,
        }, q.Caller));
        var bench = Mix(new Random(3), 3_000, Enumerable.Range(0, Searchers).Select(i => new Caller { UserId = $"searcher-{i}" }).ToArray());

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder();
        foreach (var (query, caller) in bench.Concat(wide))
        {
            var page = index.Search(query, caller);
            text.Clear().Append(page.Total).Append('|');
            foreach (var item in page.Items) text.Append(item.Id).Append(':').Append(item.Available).Append(',');
            foreach (var facet in new[] { page.Facets.City, page.Facets.Category, page.Facets.Tags })
            {
                text.Append('|');
                foreach (var (key, count) in facet.OrderBy(f => f.Key, StringComparer.Ordinal)) text.Append(key).Append('=').Append(count).Append(',');
            }

            hash.AppendData(Encoding.UTF8.GetBytes(text.Append('\n').ToString()));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    /// <summary>Updates (status, price, seats, title) one event in ten and deletes one in fifty, in batches refreshed one by one, as pulls do.</summary>
    private static void Changes(CatalogueIndex index, int events)
    {
        for (var batch = 0; batch < 10; batch++)
        {
            var changed = Enumerable.Range(0, events).Where(i => i % 100 == batch * 10 + 3).Select(i => Entry(i) with
            {
                Version = 2,
                Title = $"Gala Festival {i}",
                Status = i % 3 == 0 ? "draft" : "onsale",
                MinPrice = i % 200,
                Analytics = Entry(i).Analytics! with { Available = i % 4 == 0 ? 0 : 7 },
            });
            index.Apply(changed);
            index.Remove(Enumerable.Range(0, events).Where(i => i % 500 == batch * 50 + 7).Select(i => Entry(i).EventId));
            index.Refresh();
        }
    }

    /// <summary>An entry like the load tool's seed; one in 50 is a draft, some have a host.</summary>
    private static CatalogueEntry Entry(int i)
    {
        var random = new Random(i);
        var start = s_today.AddDays(random.Next(365)).AddHours(18 + random.Next(4));
        var capacity = 50 + random.Next(500);
        var available = i % 7 == 0 ? 0 : capacity - random.Next(capacity / 2);
        return new CatalogueEntry
        {
            EventId = new Guid(MD5.HashData(BitConverter.GetBytes(i))).ToString("N"),
            Version = 1,
            Slug = $"bench-s{i}",
            Title = $"{Pick(random, s_words)} {Pick(random, s_words)} {i}",
            Description = $"{Pick(random, s_words)} and {Pick(random, s_words).ToLowerInvariant()} with {Pick(random, s_artists)}.",
            StartAt = start,
            EndAt = start.AddHours(3),
            City = Pick(random, s_cities),
            Category = Pick(random, s_categories),
            Tags = s_tags.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray(),
            Artists = [Pick(random, s_artists)],
            OwnerId = $"organizer-{i % Organizers}",
            HostIds = i % 13 == 0 ? [$"organizer-{(i + 1) % Organizers}"] : [],
            MinPrice = random.Next(0, 200),
            Currency = "EUR",
            Status = i % 50 == 0 ? "draft" : i % 97 == 0 ? "cancelled" : "onsale",
            CreatedAt = start.AddDays(-60),
            Analytics = new EventAnalytics
            {
                EventId = "", Capacity = capacity, Booked = capacity - available, Held = 0, Available = available, Utilization = 0, Revenue = 0, Currency = "EUR",
                HoldsCreated = 0, HoldsExpired = 0, HoldsReleased = 0, HoldsConfirmed = 0, ConversionRate = 0, BookingsCancelled = 0,
            },
        };
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
