using Grains.Abstractions;
using Grains.Tests.Events;
using TestKit;

namespace Grains.Tests.Catalogue;

public sealed class CatalogueShardTests
{
    [Fact]
    public async Task CreatingAnEventPutsItsEntryInItsShardDurably()
    {
        await using var silo = await TestSilo.StartAsync();
        var eventId = await EventFixtures.CreateReservedEventAsync(silo.GrainFactory, sections: 1, rows: 1, seatsPerRow: 4);

        var shard = silo.GrainFactory.GetGrain<ICatalogueShardGrain>(Grains.Catalogue.CatalogueShards.Of(eventId, 64));
        var changes = await shard.GetChanges(0, 100);

        var entry = Assert.Single(changes.Entries);
        Assert.Equal((eventId, "onsale", 4), (entry.EventId, entry.Status, entry.Analytics!.Available));
    }
}
