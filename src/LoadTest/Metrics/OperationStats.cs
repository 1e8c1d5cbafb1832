namespace LoadTest.Metrics;

/// <summary>
/// Counters and latency histogram for one operation, owned by one worker (single writer).
/// The live counters are read by the progress display without locks; a slightly stale read is fine.
/// </summary>
internal sealed class OperationStats
{
    private readonly long[] _outcomes = new long[OutcomeClassifier.KindCount];
    private long _liveRequests;
    private long _liveErrors;

    public LatencyHistogram Latency { get; } = new();

    /// <summary>Requests started inside the measured window.</summary>
    public long Requests { get; private set; }

    public long LiveRequests => Volatile.Read(ref _liveRequests);
    public long LiveErrors => Volatile.Read(ref _liveErrors);

    public long Count(Outcome outcome) => _outcomes[(int)outcome];

    /// <summary>Failed requests; a 429 is counted apart (<see cref="Outcome.RateLimited"/>): it was waited out and retried.</summary>
    public long Errors => Requests - Count(Outcome.Ok) - Count(Outcome.RateLimited);

    /// <summary>Counts a finished request; it is measured only when it started inside the window.</summary>
    public void Record(Outcome outcome, long startTimestamp, long endTimestamp, bool measured)
    {
        Volatile.Write(ref _liveRequests, _liveRequests + 1);
        if (outcome is not (Outcome.Ok or Outcome.RateLimited)) Volatile.Write(ref _liveErrors, _liveErrors + 1);
        if (!measured) return;

        Requests++;
        _outcomes[(int)outcome]++;
        // Transport failures have no meaningful server latency.
        if (outcome != Outcome.Transport) Latency.RecordElapsed(startTimestamp, endTimestamp);
    }

    public void Add(OperationStats other)
    {
        Requests += other.Requests;
        for (var i = 0; i < _outcomes.Length; i++) _outcomes[i] += other._outcomes[i];
        _liveRequests += other.LiveRequests;
        _liveErrors += other.LiveErrors;
        Latency.Add(other.Latency);
    }
}
