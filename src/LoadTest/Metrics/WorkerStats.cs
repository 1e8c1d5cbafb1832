namespace LoadTest.Metrics;

/// <summary>All per-operation statistics of one worker; merged into a total after the run.</summary>
internal sealed class WorkerStats
{
    private readonly OperationStats[] _operations;

    public WorkerStats()
    {
        _operations = new OperationStats[Operations.Count];
        for (var i = 0; i < _operations.Length; i++) _operations[i] = new OperationStats();
    }

    public OperationStats this[Operation operation] => _operations[(int)operation];

    public long LiveRequests
    {
        get
        {
            long total = 0;
            foreach (var op in _operations) total += op.LiveRequests;
            return total;
        }
    }

    public long LiveErrors
    {
        get
        {
            long total = 0;
            foreach (var op in _operations) total += op.LiveErrors;
            return total;
        }
    }

    public static WorkerStats Merge(IEnumerable<WorkerStats> workers)
    {
        var total = new WorkerStats();
        foreach (var worker in workers)
        {
            for (var i = 0; i < total._operations.Length; i++) total._operations[i].Add(worker._operations[i]);
        }

        return total;
    }
}
