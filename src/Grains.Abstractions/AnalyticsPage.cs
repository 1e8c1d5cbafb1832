namespace Grains.Abstractions;

/// <summary>Per-event analytics of one page (by start time) and totals over every matching event.</summary>
[GenerateSerializer, Immutable, Alias("AnalyticsPage")]
public sealed record AnalyticsPage
{
    [Id(0)]
    public required IReadOnlyList<EventAnalytics> Items { get; init; }

    [Id(1)]
    public required AnalyticsTotals Totals { get; init; }

    [Id(2)]
    public required int Page { get; init; }

    [Id(3)]
    public required int PageSize { get; init; }

    [Id(4)]
    public required int Total { get; init; }
}
