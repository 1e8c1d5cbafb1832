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

        GC.KeepAlive(index);
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
