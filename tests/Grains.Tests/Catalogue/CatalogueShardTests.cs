using Grains.Abstractions;
using Grains.Catalogue;
using Grains.Tests.Events;
using Microsoft.Extensions.Time.Testing;
using TestKit;

namespace Grains.Tests.Catalogue;

/// <summary>The durable side of the catalogue: shard grains, the event grains' pushes, and a silo's copy rebuilt after a crash.</summary>
public sealed class CatalogueShardTests
{
    private static readonly Caller Admin = new() { UserId = "admin-1", IsAdmin = true };

    [Fact]
    public async Task AStaleOrReorderedEntryChangesNothingAndReadersPullEachChangeOnce()
    {
        await using var silo = await TestSilo.StartAsync();
        var shard = silo.GrainFactory.GetGrain<ICatalogueShardGrain>(Random.Shared.Next(1_000_000, int.MaxValue));
        var start = (await shard.GetChanges(0, 100)).Version;

        await shard.Upsert(Entry("a", version: 5, title: "Five"));
        await shard.Upsert(Entry("a", version: 3, title: "Three"));
        await shard.Upsert(Entry("a", version: 5, title: "Five again"));
        await shard.Upsert(Entry("b", version: 1, title: "Bee"));

        var all = await shard.GetChanges(start, 100);
        Assert.Equal(["Five", "Bee"], all.Entries.Select(e => e.Title));
        var firstPage = await shard.GetChanges(start, 1);
        Assert.True(firstPage.More);
        var rest = await shard.GetChanges(firstPage.Version, 1);
        Assert.Equal(["Five", "Bee"], firstPage.Entries.Concat(rest.Entries).Select(e => e.Title));
        Assert.Empty((await shard.GetChanges(all.Version, 100)).Entries);

        await shard.Upsert(Entry("a", version: 6, deleted: true));
        Assert.True(Assert.Single((await shard.GetChanges(all.Version, 100)).Entries).Deleted);
    }

    [Fact]
    public async Task SeatsArePushedByTheEventsTimerNotByTheHold()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var silo = await TestSilo.StartAsync(time);
        var eventId = await EventFixtures.CreateReservedEventAsync(silo.GrainFactory, sections: 1, rows: 1, seatsPerRow: 4);
        var shard = silo.GrainFactory.GetGrain<ICatalogueShardGrain>(CatalogueShards.Of(eventId, 64));
        Assert.Equal(4, (await EntryOf(shard, eventId)).Analytics!.Available);

        var hold = await silo.GrainFactory.GetGrain<IEventGrain>(eventId).PlaceHold(new PlaceHold { Caller = EventFixtures.Buyer("b-1"), Quantity = 3, RequestId = "r-1" });
        Assert.True(hold.Succeeded, hold.Failure?.Detail);
        Assert.Equal(4, (await EntryOf(shard, eventId)).Analytics!.Available);

        await Eventually.WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return (await EntryOf(shard, eventId)).Analytics!.Available == 1;
        }, "the sweep pushes the held seats");
    }

    [Fact]
    public async Task ASiloStartedAfterACrashServesTheWholeCatalogue()
    {
        var prefix = TestSilo.NewTablePrefix();
        var city = "City-" + Guid.NewGuid().ToString("N")[..8];
        var first = await TestSilo.StartAsync(tablePrefix: prefix);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var eventId = EventFixtures.NewId();
            var created = await first.GrainFactory.GetGrain<IEventGrain>(eventId).Create(new CreateEvent
            {
                Caller = EventFixtures.Organizer,
                Capacity = 10,
                Definition = EventFixtures.Definition() with { City = city, Title = $"Show {i}" },
            });
            Assert.True(created.Succeeded, created.Failure?.Detail);
            ids.Add(eventId);
        }

        await first.KillAsync();
        await first.DisposeAsync();

        await using var second = await TestSilo.StartAsync(tablePrefix: prefix);
        var page = await second.GrainFactory.GetGrain<ICatalogueGrain>(0).Search(new CatalogueQuery { City = city, PageSize = 100 }, Admin);

        Assert.Equal(ids.Order(), page.Items.Select(i => i.Id).Order());
    }

    private static async Task<CatalogueEntry> EntryOf(ICatalogueShardGrain shard, string eventId) =>
        (await shard.GetChanges(0, 100_000)).Entries.Single(e => e.EventId == eventId);

    private static CatalogueEntry Entry(string id, long version, string title = "", bool deleted = false) =>
        new() { EventId = id, Version = version, Title = title, Deleted = deleted, Status = "onsale" };
}
