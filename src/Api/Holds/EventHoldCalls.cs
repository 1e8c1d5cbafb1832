using Api.Batching;
using Grains.Abstractions;
using Microsoft.Extensions.Options;

namespace Api.Holds;

/// <summary>
/// Places and releases holds through the event grains, batched per event when enabled. Each
/// answer is still the grain's own for that request, given once its decision is durable.
/// </summary>
public sealed class EventHoldCalls
{
    private readonly IGrainFactory _grains;
    private readonly KeyedCallBatcher<PlaceHold, Outcome<HoldView>>? _places;
    private readonly KeyedCallBatcher<HoldCommand, Outcome<HoldView>>? _releases;

    public EventHoldCalls(IGrainFactory grains, IOptions<HoldBatchingOptions> options)
    {
        _grains = grains;
        var batching = options.Value;
        if (!batching.Enabled) return;
        _places = new((eventId, commands) => grains.GetGrain<IEventGrain>(eventId).PlaceHolds(commands), batching.MaxBatchSize, batching.MaxBatchesInFlight);
        _releases = new((eventId, commands) => grains.GetGrain<IEventGrain>(eventId).ReleaseHolds(commands), batching.MaxBatchSize, batching.MaxBatchesInFlight);
    }

    public Task<Outcome<HoldView>> Place(string eventId, PlaceHold command) =>
        _places?.Call(eventId, command) ?? _grains.GetGrain<IEventGrain>(eventId).PlaceHold(command);

    public Task<Outcome<HoldView>> Release(string eventId, HoldCommand command) =>
        _releases?.Call(eventId, command) ?? _grains.GetGrain<IEventGrain>(eventId).ReleaseHold(command);
}
