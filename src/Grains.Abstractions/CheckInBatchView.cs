namespace Grains.Abstractions;

/// <summary>One answer per uploaded scan, in upload order: admitted, duplicate, cancelled or invalid.</summary>
[GenerateSerializer, Immutable, Alias("CheckInBatchView")]
public sealed record CheckInBatchView
{
    [Id(0)]
    public required IReadOnlyList<CheckInView> Items { get; init; }
}
