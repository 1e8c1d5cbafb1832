using System.Collections.Concurrent;

namespace Runtime.Activation;

/// <summary>
/// The activations living on this silo: at most one per grain. Creates them on first call,
/// collects idle ones and deactivates all of them on shutdown (Orleans: Catalog).
/// </summary>
internal sealed class Catalog(GrainRuntime runtime, GrainTypeRegistry registry)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private volatile bool _stopping;

    public int Count => _activations.Count;

    public IEnumerable<GrainActivation> Activations => _activations.Values;

    /// <summary>Queues work for a grain, activating it here if needed.</summary>
    /// <exception cref="OverloadedException">the activation's queue is full.</exception>
    public void Dispatch(GrainId grainId, WorkItem item)
    {
        while (true)
        {
            if (!_activations.TryGetValue(grainId, out var activation))
            {
                if (_stopping)
                {
                    item.Fail(new RetriableGrainException($"Silo is shutting down; {grainId} cannot be activated here."));
                    return;
                }

                if (!registry.TryGetClass(grainId.Type, out var grainClass))
                {
                    item.Fail(new InvalidOperationException($"No grain class implements grain type '{grainId.Type}' on this silo."));
                    return;
                }

                activation = _activations.GetOrAdd(grainId, id => new GrainActivation(runtime, id, grainClass));
            }

            if (activation.TryEnqueue(item)) return;

            // That activation is on its way out; the call goes to its successor once it is gone.
            if (!activation.Deactivated.IsCompleted)
            {
                activation.Deactivated.ContinueWith(_ => Redispatch(grainId, item), TaskScheduler.Default);
                return;
            }

            _activations.TryRemove(KeyValuePair.Create(grainId, activation));
        }
    }

    public void Redispatch(GrainId grainId, WorkItem item)
    {
        try
        {
            Dispatch(grainId, item);
        }
        catch (Exception e)
        {
            item.Fail(e);
        }
    }

    public void Remove(GrainActivation activation) => _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    public bool TryGet(GrainId grainId, out GrainActivation activation) => _activations.TryGetValue(grainId, out activation!);

    public int CollectIdle(DateTimeOffset now)
    {
        var cutoff = now - runtime.Options.IdleAge;
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (!activation.IsIdleSince(cutoff)) continue;
            activation.RequestDeactivation(DeactivationReason.Idle);
            collected++;
        }

        return collected;
    }

    /// <summary>Stops new activations and deactivates the existing ones, letting their turns finish.</summary>
    public async Task StopAsync(DeactivationReason reason)
    {
        _stopping = true;
        await Task.WhenAll(_activations.Values.Select(a => a.DeactivateAsync(reason)));
    }

    /// <summary>Deactivates the grains for which <paramref name="shouldLeave"/> is true (ownership moved elsewhere).</summary>
    public Task DeactivateWhereAsync(Func<GrainId, bool> shouldLeave, DeactivationReason reason) =>
        Task.WhenAll(_activations.Values.Where(a => shouldLeave(a.GrainId)).Select(a => a.DeactivateAsync(reason)));
}
