using Grains.Abstractions;
using Grains.Catalogue;
using Microsoft.Extensions.Logging;

namespace Grains.Events;

/// <summary>
/// Keeps the event's catalogue entry current. Structural changes (create, update, publish, cancel,
/// delete) await the push, so an acknowledged change is in the catalogue; seats and counters are
/// pushed by the sweep timer at most every Catalogue:AvailabilityPushPeriod, never on the hold path.
/// The first sweep of every activation pushes too, which repairs a push lost to a crash.
/// </summary>
public sealed partial class EventGrain
{
    private long _cataloguedVersion = -1;
    private DateTimeOffset _lastCataloguePush;
    private bool _cataloguePushing;

    private ICatalogueShardGrain CatalogueShard => GrainFactory.GetGrain<ICatalogueShardGrain>(CatalogueShards.Of(EventId, _catalogueOptions.ShardCount));

    /// <summary>Pushes the durable state to the catalogue and waits until the catalogue has it.</summary>
    private async Task CatalogueAsync()
    {
        await _journal.WhenDurable();
        var entry = EventViews.CatalogueEntry(_state, _journal.DurableSequence, _catalogueOptions.MaxDescriptionLength);
        await CatalogueShard.Upsert(entry);
        _cataloguedVersion = Math.Max(_cataloguedVersion, entry.Version);
        _lastCataloguePush = TimeProvider.GetUtcNow();
    }

    /// <summary>From the sweep timer: pushes when something was journaled since the last push, at most once per period.</summary>
    private void PushCatalogueIfChanged(DateTimeOffset now)
    {
        if (_cataloguePushing || _state.Definition is null) return;
        if (_journal.DurableSequence <= _cataloguedVersion || now - _lastCataloguePush < _catalogueOptions.AvailabilityPushPeriod) return;
        _cataloguePushing = true;
        _ = PushCatalogueAsync();
    }

    private async Task PushCatalogueAsync()
    {
        try
        {
            await CatalogueAsync();
        }
        catch (Exception e)
        {
            // The next sweep tries again: the entry's version is the journal's, so nothing is lost meanwhile.
            logger.LogInformation("Event {EventId}: catalogue push deferred ({Reason})", EventId, e.Message);
            _lastCataloguePush = TimeProvider.GetUtcNow();
        }
        finally
        {
            _cataloguePushing = false;
        }
    }
}
