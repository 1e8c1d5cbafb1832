namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("VenuePage")]
public sealed record VenuePage
{
    [Id(0)]
    public required IReadOnlyList<VenueSummary> Items { get; init; }

    [Id(1)]
    public required int Page { get; init; }

    [Id(2)]
    public required int PageSize { get; init; }

    [Id(3)]
    public required int Total { get; init; }
}
