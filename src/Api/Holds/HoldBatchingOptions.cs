namespace Api.Holds;

/// <summary>How the API coalesces concurrent holds and releases of one event, bound from the "HoldBatching" section and validated at start-up.</summary>
public sealed class HoldBatchingOptions
{
    public const string SectionName = "HoldBatching";

    /// <summary>
    /// Whether holds and releases of the same event travel to its grain in batches. Default true;
    /// false sends each request as its own grain call (to compare, or to rule batching out).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most calls in one batch. Default 128: the grain decides a batch in one turn, so this bounds that turn.</summary>
    public int MaxBatchSize { get; set; } = 128;

    /// <summary>
    /// Batches of one event out at once from this API process. Default 2: one awaiting the
    /// journal write in progress, one already decided and waiting for the next write.
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 2;
}
