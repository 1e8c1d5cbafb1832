using Grains.Abstractions;
using Grains.Catalogue;

namespace Benchmarks;

/// <summary>Managed heap a silo's catalogue copy (Lucene index + entries) retains per 10,000 events.</summary>
public static class CatalogueMemoryReport
{
    public static void Run(int events)
    {
        Console.WriteLine($"catalogue index: managed heap retained, in steps of 10,000 events up to {events:N0}");
        var before = Heap();
        using var index = new CatalogueIndex();
        var previous = before;
        for (var done = 0; done < events;)
        {
            var batch = Math.Min(10_000, events - done);
            index.Apply(Enumerable.Range(done, batch).Select(Entry));
            index.Refresh();
            done += batch;
            var now = Heap();
            Console.WriteLine($"{done,9:N0} events: {(now - before) / 1_048_576.0,7:N1} MB in all, +{(now - previous) / 1_048_576.0:N1} MB for the last {batch:N0} (index files {index.IndexBytes / 1_048_576.0:N1} MB)");
            previous = now;
        }

        SearchCost(index);
        GC.KeepAlive(index);
    }

    /// <summary>CPU time of one search in the index alone (no HTTP, no grain call), by kind of query.</summary>
    private static void SearchCost(CatalogueIndex index)
    {
        var caller = new Caller { UserId = "searcher" };
        var queries = new (string Kind, CatalogueQuery Query)[]
        {
            ("all, by start", new CatalogueQuery()),
            ("all, by start, page size 1", new CatalogueQuery { PageSize = 1 }),
            ("city + tag", new CatalogueQuery { City = "City 3", Tags = ["tag-2"] }),
            ("category + price, by price", new CatalogueQuery { Category = "category-1", PriceMin = 10, PriceMax = 90, Sort = CatalogueSort.Price }),
            ("text, exact", new CatalogueQuery { Text = "jazz", Sort = CatalogueSort.Relevance }),
            ("text, one typo", new CatalogueQuery { Text = "festivl", Sort = CatalogueSort.Relevance }),
            ("text, two words with a typo", new CatalogueQuery { Text = "summer symphny", Sort = CatalogueSort.Relevance }),
            ("available, page 3", new CatalogueQuery { AvailableOnly = true, Page = 3 }),
        };
        foreach (var (kind, query) in queries)
        {
            if (kind.StartsWith("all", StringComparison.Ordinal)) Time(kind + " (admin)", () => index.Search(query, new Caller { UserId = "a", IsAdmin = true }).Total);
            for (var i = 0; i < 200; i++) index.Search(query, caller);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            const int runs = 2_000;
            var total = 0;
            for (var i = 0; i < runs; i++) total += index.Search(query, caller).Total;
            var micros = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds / runs;
            Console.WriteLine($"{kind,-30} {micros,8:N0} µs per search ({total / runs:N0} matches)");
        }
    }

    private static void Time(string kind, Func<int> search)
    {
        for (var i = 0; i < 200; i++) search();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        const int runs = 2_000;
        var total = 0;
        for (var i = 0; i < runs; i++) total += search();
        var micros = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds / runs;
        Console.WriteLine($"{kind,-30} {micros,8:N0} µs per search ({total / runs:N0} matches)");
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static readonly string[] s_words = ["Jazz", "Festival", "Summer", "Night", "Symphony", "Lights", "Market", "Comedy", "Marathon", "Summit", "Opera", "Gala"];

    /// <summary>An entry shaped like the load tool's search seed: a 3-word title, a one-line description, 1-3 tags, one artist.</summary>
    private static CatalogueEntry Entry(int i)
    {
        var random = new Random(i);
        var start = new DateTimeOffset(2027, 1, 1, 19, 0, 0, TimeSpan.Zero).AddDays(random.Next(365));
        return new CatalogueEntry
        {
            EventId = Guid.NewGuid().ToString("N"),
            Version = 1,
            Slug = $"event-{i}",
            Title = $"{s_words[random.Next(s_words.Length)]} {s_words[random.Next(s_words.Length)]} {i}",
            Description = $"{s_words[random.Next(s_words.Length)]} and {s_words[random.Next(s_words.Length)].ToLowerInvariant()} with Nina Keys.",
            StartAt = start,
            EndAt = start.AddHours(3),
            City = $"City {random.Next(12)}",
            Category = $"category-{random.Next(6)}",
            Tags = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => $"tag-{random.Next(12)}").Distinct().ToArray(),
            Artists = [$"Artist {random.Next(8)}"],
            OwnerId = $"organizer-{random.Next(50)}",
            MinPrice = random.Next(200),
            Currency = "EUR",
            Status = "onsale",
            CreatedAt = start.AddDays(-60),
            Analytics = new EventAnalytics
            {
                EventId = "", Capacity = 500, Booked = 0, Held = 0, Available = 500, Utilization = 0, Revenue = 0, Currency = "EUR",
                HoldsCreated = 0, HoldsExpired = 0, HoldsReleased = 0, HoldsConfirmed = 0, ConversionRate = 0, BookingsCancelled = 0,
            },
        };
    }
}
