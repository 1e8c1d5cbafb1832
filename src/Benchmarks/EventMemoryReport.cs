using Grains.Events;
using Grains.Events.Journal;

namespace Benchmarks;

/// <summary>
/// Managed heap retained by one event's state: empty, half held, sold out (all seats booked
/// in parties of 1-4 through holds and confirmations, as a real sale does), and during a sustained
/// sale, where released holds stay readable for the ended-hold retention.
/// </summary>
public static class EventMemoryReport
{
    public static void Run(int seats)
    {
        Console.WriteLine($"event of {seats:N0} seats: managed heap retained by its state");
        Measure("empty", () => EventFactory.Create(seats));
        Measure("half held (parties of 2)", () =>
        {
            var state = EventFactory.Create(seats);
            HoldAll(state, seats / 2, confirm: false);
            return state;
        });
        Measure("sold out (parties of 1-4, confirmed)", () =>
        {
            var state = EventFactory.Create(seats);
            HoldAll(state, seats, confirm: true);
            state.Apply(new OutboxDelivered(state.NextOutbox - 1));
            return state;
        });
        var options = new EventGrainOptions();
        Measure($"sustained sale, newest {options.MaxEndedHolds:N0} ended holds kept", () => SustainedSale(seats, options.EndedHoldRetention, options.MaxEndedHolds));
        Measure($"the same, no limit ({HoldsPerSecond * options.EndedHoldRetention.TotalSeconds:N0} kept)", () => SustainedSale(seats, options.EndedHoldRetention, int.MaxValue));
    }

    private const int HoldsPerSecond = 4_000;

    /// <summary>
    /// Two and a half minutes of a sale where buyers hold 1-4 seats and release them, 4,000 holds a
    /// second, with the grain's sweep (expiry check and pruning) once a simulated second.
    /// </summary>
    private static EventState SustainedSale(int seats, TimeSpan retention, int keep)
    {
        var state = EventFactory.Create(seats);
        var best = new List<int>(4);
        for (var second = 0; second < 150; second++)
        {
            var now = EventFactory.Start.AddSeconds(second);
            for (var i = 0; i < HoldsPerSecond; i++)
            {
                var quantity = 1 + (i % 4);
                if (!state.Inventory!.TryFindBestAvailable(quantity, null, null, best)) break;
                var hold = state.NextHold;
                state.Apply(new HoldPlaced(hold, $"buyer-{hold}", [.. best], quantity, now, now.AddSeconds(15), null));
                state.Apply(new HoldReleased(hold, null));
            }

            state.TryPeekExpiry(out _, out _);
            state.PruneEndedHolds(now - retention, keep);
        }

        return state;
    }

    private static void HoldAll(EventState state, int seats, bool confirm)
    {
        var best = new List<int>(4);
        var taken = 0;
        var party = 0;
        while (taken < seats)
        {
            var quantity = confirm ? 1 + (party % 4) : 2;
            quantity = Math.Min(quantity, seats - taken);
            if (!state.Inventory!.TryFindBestAvailable(quantity, null, null, best)) break;
            var hold = state.NextHold;
            state.Apply(new HoldPlaced(hold, $"buyer-{party % 50_000}", [.. best], quantity, EventFactory.Start, EventFactory.Start.AddMinutes(3), null));
            if (confirm) state.Apply(new BookingConfirmed(hold, state.NextBooking, 25m * quantity, null, EventFactory.Start, null));
            taken += quantity;
            party++;
        }
    }

    private static void Measure(string label, Func<EventState> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var state = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  {label,-48} {(after - before) / 1024.0 / 1024.0,8:F2} MB   (held {state.Held:N0}, booked {state.Booked:N0})");
        GC.KeepAlive(state);
    }
}
