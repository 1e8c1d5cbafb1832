using Grains.Events;
using Grains.Events.Journal;

namespace Benchmarks;

/// <summary>
/// Managed heap retained by one event's state: empty, half held, and sold out (all seats booked
/// in parties of 1-4 through holds and confirmations, as a real sale does).
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
        Console.WriteLine($"  {label,-40} {(after - before) / 1024.0 / 1024.0,8:F2} MB   (held {state.Held:N0}, booked {state.Booked:N0})");
        GC.KeepAlive(state);
    }
}
