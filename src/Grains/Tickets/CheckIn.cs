namespace Grains.Tickets;

/// <summary>The admission of one ticket: when, at which gate, and whether a gate reported it offline afterwards.</summary>
[GenerateSerializer, Immutable, Alias("CheckIn")]
public sealed record CheckIn
{
    [Id(0)]
    public required DateTimeOffset At { get; init; }

    [Id(1)]
    public string? Gate { get; init; }

    /// <summary>
    /// True when it came from an offline gate's batch: such an admission gives way to an earlier
    /// offline scan reported later. An online admission was answered to a gate at once and is final.
    /// </summary>
    [Id(2)]
    public bool Offline { get; init; }
}
