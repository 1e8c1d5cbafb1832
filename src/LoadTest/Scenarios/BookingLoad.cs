using System.Diagnostics;
using LoadTest.Audit;
using LoadTest.Cli;
using LoadTest.Http;
using LoadTest.Metrics;

namespace LoadTest.Scenarios;

/// <summary>
/// The buyers' closed loop: hold 1-4 seats (explicit or best-available), then confirm, release or
/// abandon. A buyer stops once every event it targets answered 409 to a best-available hold (sold out).
/// </summary>
internal sealed class BookingLoad(ApiClient api, LoadOptions options, IReadOnlyList<EventUnderLoad> events, IReadOnlyList<Buyer> buyers)
{
    /// <summary>The API's title for a buyer who reached the event's per-buyer seat limit.</summary>
    private const string HoldLimitTitle = "Hold limit reached";

    private const int MaxSeatsPerIteration = 4;
    private readonly byte[][] _quantityBodies = Enumerable.Range(0, MaxSeatsPerIteration + 1)
        .Select(ApiClient.QuantityHoldBody).ToArray();

    public WorkerStats[] Workers { get; } = buyers.Select(_ => new WorkerStats()).ToArray();

    private int _activeBuyers;

    public int ActiveBuyers => Volatile.Read(ref _activeBuyers);

    public async Task<LoadPhaseResult> RunAsync(RunWindow window, CancellationToken ct)
    {
        var acknowledged = new List<AcknowledgedBooking>[buyers.Count];
        var stoppedEarly = 0;
        _activeBuyers = buyers.Count;
        var tasks = new Task[buyers.Count];
        for (var i = 0; i < buyers.Count; i++)
        {
            var index = i;
            acknowledged[index] = [];
            tasks[index] = Task.Run(async () =>
            {
                try
                {
                    if (await RunBuyerAsync(buyers[index], Workers[index], acknowledged[index], window, ct)) Interlocked.Increment(ref stoppedEarly);
                }
                finally
                {
                    Interlocked.Decrement(ref _activeBuyers);
                }
            }, CancellationToken.None);
        }

        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Interrupted: report what was measured so far.
        }

        var finished = Stopwatch.GetTimestamp();
        return new LoadPhaseResult(
            WorkerStats.Merge(Workers),
            window.MeasuredSeconds(finished),
            acknowledged.SelectMany(list => list).ToList(),
            stoppedEarly);
    }

    /// <summary>Runs one buyer until the window closes; true when it stopped early because everything was sold out.</summary>
    private async Task<bool> RunBuyerAsync(Buyer buyer, WorkerStats stats, List<AcknowledgedBooking> acknowledged, RunWindow window, CancellationToken ct)
    {
        var random = new Random(HashCode.Combine(buyer.Index, Environment.TickCount));
        var soldOut = new bool[events.Count];
        var soldOutCount = 0;
        var hold = stats[Operation.Hold];
        var confirm = stats[Operation.Confirm];
        var release = stats[Operation.Release];

        while (!ct.IsCancellationRequested)
        {
            if (window.IsOver(Stopwatch.GetTimestamp())) return false;
            if (soldOutCount == events.Count) return true;

            var eventIndex = PickEvent(random, soldOut);
            var target = events[eventIndex];
            var quantity = random.Next(1, MaxSeatsPerIteration + 1);
            var explicitSeats = random.NextDouble() < options.ExplicitFraction ? target.Seats.TryPick(random, quantity) : null;
            var body = explicitSeats is null ? _quantityBodies[quantity] : ApiClient.ExplicitHoldBody(explicitSeats);

            var start = Stopwatch.GetTimestamp();
            var authorization = buyer.NextAuthorization();
            var held = await api.HoldAsync(authorization, target.Target, body, ct);
            hold.Record(held.Outcome, start, Stopwatch.GetTimestamp(), window.IsMeasured(start));

            if (!held.IsOk)
            {
                if (explicitSeats is not null)
                {
                    target.Seats.MarkFree(explicitSeats);
                    if (held.Outcome == Outcome.Conflict) target.Seats.MarkTaken(held.Problem?.UnavailableSeats ?? explicitSeats);
                }
                else if (held.Outcome == Outcome.Conflict && held.Problem?.Title == HoldLimitTitle)
                {
                    // This identity still holds seats that it abandoned; the next identity carries on.
                }
                else if (held.Outcome == Outcome.Conflict && !soldOut[eventIndex])
                {
                    soldOut[eventIndex] = true;
                    soldOutCount++;
                }

                await Backoff.DelayAsync(Backoff.After(held), window, ct);
                continue;
            }

            var holdResponse = held.Value;
            if (holdResponse?.HoldId is not { } holdId) continue;
            target.Seats.MarkTaken(holdResponse.Seats);

            var choice = random.NextDouble();
            if (choice < options.ConfirmFraction)
            {
                var booked = await Backoff.RetryRateLimitedAsync(() => api.ConfirmAsync(authorization, target.Target, holdId, ct), confirm, window, ct);
                if (booked.IsOk && booked.Value?.BookingId is { } bookingId)
                {
                    var seats = booked.Value.Seats ?? holdResponse.Seats ?? [];
                    acknowledged.Add(new AcknowledgedBooking(target.Target.EventId, bookingId, seats));
                }
                else
                {
                    await Backoff.DelayAsync(Backoff.After(booked), window, ct);
                }
            }
            else if (choice < options.ConfirmFraction + options.ReleaseFraction)
            {
                var released = await Backoff.RetryRateLimitedAsync(() => api.ReleaseAsync(authorization, target.Target, holdId, ct), release, window, ct);
                if (released.IsOk) target.Seats.MarkFree(holdResponse.Seats);
                else await Backoff.DelayAsync(Backoff.After(released), window, ct);
            }

            // Otherwise the hold is abandoned and left to expire.
        }

        return false;
    }

    /// <summary>A random event this buyer has not seen sold out (linear probe from a random start).</summary>
    private int PickEvent(Random random, bool[] soldOut)
    {
        if (soldOut.Length == 1) return 0;
        var start = random.Next(soldOut.Length);
        for (var k = 0; k < soldOut.Length; k++)
        {
            var i = (start + k) % soldOut.Length;
            if (!soldOut[i]) return i;
        }

        return start;
    }
}
