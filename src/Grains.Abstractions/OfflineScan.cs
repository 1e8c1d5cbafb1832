namespace Grains.Abstractions;

/// <summary>One scan an offline gate recorded: the code, the gate, and when the ticket was scanned.</summary>
[GenerateSerializer, Immutable, Alias("OfflineScan")]
public sealed record OfflineScan
{
    [Id(0)]
    public required string Code { get; init; }

    [Id(1)]
    public string? Gate { get; init; }

    [Id(2)]
    public required DateTimeOffset ScannedAt { get; init; }
}
