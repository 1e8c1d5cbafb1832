using System.Collections.Concurrent;
using TestKit;

namespace Cluster.Tests;

/// <summary>
/// A cluster run shared by the facts of one class (a class fixture): the expensive part (start
/// the processes, run traffic, kill or stop a silo) happens once, and each fact checks one
/// behaviour of its outcome. Progress notes are kept and shown with every fact.
/// </summary>
public abstract class ClusterScenario : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _notes = new();
    private ClusterProcesses? _cluster;

    public ClusterProcesses Cluster => _cluster ?? throw new InvalidOperationException("The scenario did not start.");

    protected abstract string Name { get; }

    protected abstract int SiloCount { get; }

    /// <summary>API processes (cluster clients); one unless a scenario needs traffic through several.</summary>
    protected virtual int ApiCount => 1;

    public async Task InitializeAsync()
    {
        _cluster = await ClusterProcesses.StartAsync(Name, SiloCount, log: _notes.Enqueue, apis: ApiCount);
        try
        {
            await _cluster.RunAsync(RunAsync);
        }
        catch
        {
            await _cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The scenario itself; its assertions are left to the facts.</summary>
    protected abstract Task RunAsync();

    /// <summary>Shows the scenario's notes in a fact's output, and sends the fact's own notes there too.</summary>
    public void Attach(ITestOutputHelper output)
    {
        foreach (var note in _notes) output.WriteLine(note);
        Cluster.Log = output.WriteLine;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
