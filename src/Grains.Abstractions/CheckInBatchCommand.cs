namespace Grains.Abstractions;

/// <summary>Scans uploaded by gates that were offline; answered one result per scan, in the same order.</summary>
[GenerateSerializer, Immutable, Alias("CheckInBatchCommand")]
public sealed record CheckInBatchCommand
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required IReadOnlyList<OfflineScan> Scans { get; init; }
}
