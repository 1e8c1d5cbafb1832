using BenchmarkDotNet.Attributes;
using Grains.Events;
using Grains.Events.Journal;

namespace Benchmarks;

/// <summary>The in-memory cost of one hold decision on a 50,000-seat event (no I/O).</summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private readonly List<int> _best = new(4);
    private EventState _state = null!;

    [GlobalSetup]
    public void Setup() => _state = EventFactory.Create(50_000);

    [Benchmark]
    public void BestAvailableHoldThenRelease()
    {
        if (!_state.Inventory!.TryFindBestAvailable(3, null, null, _best)) throw new InvalidOperationException("sold out");
        var hold = _state.NextHold;
        _state.Apply(new HoldPlaced(hold, "buyer", [.. _best], 3, EventFactory.Start, EventFactory.Start.AddMinutes(3), null));
        _state.Apply(new HoldReleased(hold, null));
    }
}
