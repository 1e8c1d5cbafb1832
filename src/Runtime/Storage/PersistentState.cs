using System.Diagnostics;
using Runtime.Diagnostics;

namespace Runtime.Storage;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: whole-state JSON with a version fence.</summary>
internal sealed class PersistentState<TState>(GrainId grainId, IGrainStorage storage, GrainStateSerializer serializer)
    : IPersistentState<TState>, IStateLoader
    where TState : class, new()
{
    public TState State { get; set; } = new();

    public long Version { get; private set; }

    public bool RecordExists => Version > 0;

    Task IStateLoader.LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var stored = await storage.ReadAsync(grainId, cancellationToken);
        RuntimeMetrics.StorageLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        State = stored is null ? new TState() : serializer.Deserialize<TState>(stored.Data);
        Version = stored?.Version ?? 0;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        Version = await storage.WriteAsync(grainId, serializer.Serialize(State), Version, cancellationToken);
        RuntimeMetrics.StorageLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearAsync(grainId, Version, cancellationToken);
        State = new TState();
        Version = 0;
    }
}
