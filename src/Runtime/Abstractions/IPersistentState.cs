namespace Runtime;

/// <summary>
/// A grain's durable state. Read on activation; each write carries the version it read and fails
/// with <see cref="InconsistentStateException"/> when someone else wrote in between.
/// Inject it as a grain constructor parameter (Orleans: [PersistentState] IPersistentState&lt;T&gt;).
/// </summary>
public interface IPersistentState<TState> where TState : class, new()
{
    TState State { get; set; }

    /// <summary>0 when nothing was ever written.</summary>
    long Version { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
