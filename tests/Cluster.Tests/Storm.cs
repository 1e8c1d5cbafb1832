using System.Collections.Concurrent;
using System.Diagnostics;
using Grains.Abstractions;

namespace Cluster.Tests;

public sealed record Buyer(string UserId, string Token);

/// <summary>A hold the API acknowledged (201), with when the acknowledgement arrived.</summary>
public sealed record AckedHold(string EventId, string HoldId, string BuyerId, IReadOnlyList<string> Seats, int Quantity, DateTimeOffset ExpiresAt, DateTimeOffset AckedAt);

/// <summary>A booking the API acknowledged (201, or 200 for the same booking again).</summary>
public sealed record AckedBooking(string EventId, string BookingId, string HoldId, IReadOnlyList<string> Seats, DateTimeOffset AckedAt);

/// <summary>Everything the buyers were told, and every answer they got, for the checks afterwards.</summary>
public sealed class Ledger
{
    private readonly ConcurrentQueue<AckedHold> _holds = new();
    private readonly ConcurrentQueue<AckedBooking> _bookings = new();
    private readonly ConcurrentDictionary<(string EventId, string HoldId), bool> _confirmAttempted = new();
    private readonly ConcurrentDictionary<string, int> _answers = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<(DateTimeOffset At, TimeSpan Latency)> _latencies = new();

    public IReadOnlyList<AckedHold> Holds => [.. _holds];

    public IReadOnlyList<AckedBooking> Bookings => [.. _bookings];

    /// <summary>5xx answers and transport failures, described.</summary>
    public IReadOnlyList<string> Failures => [.. _failures];

    public int Requests => _answers.Values.Sum();

    public void AddHold(AckedHold hold) => _holds.Enqueue(hold);

    public void AddBooking(AckedBooking booking) => _bookings.Enqueue(booking);

    public void ConfirmAttempted(string eventId, string holdId) => _confirmAttempted[(eventId, holdId)] = true;

    public bool WasConfirmAttempted(string eventId, string holdId) => _confirmAttempted.ContainsKey((eventId, holdId));

    /// <summary>The slowest answer that arrived within [from, to).</summary>
    public TimeSpan SlowestBetween(DateTimeOffset from, DateTimeOffset to) =>
        _latencies.Where(l => l.At >= from && l.At < to).Select(l => l.Latency).DefaultIfEmpty().Max();

    /// <summary>Counts an answer per operation and status; remembers 5xx and transport failures.</summary>
    public void Answer<T>(string operation, ApiAnswer<T> answer)
    {
        _latencies.Enqueue((DateTimeOffset.UtcNow, answer.Latency));
        _answers.AddOrUpdate($"{operation} {(answer.TransportFailed ? "transport-failure" : answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}", 1, static (_, n) => n + 1);
        if (answer.IsServerError || answer.TransportFailed)
        {
            _failures.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {operation}: {answer.Describe()}");
        }
    }

    public string Summary() =>
        $"{_holds.Count} holds and {_bookings.Count} bookings acknowledged; answers: " +
        string.Join(", ", _answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} x{a.Value}"));
}

/// <summary>
/// Buyers hammering holds (and confirming some of them) on a set of events until told to stop.
/// Requests in flight when the storm stops are finished, never cancelled: a cancelled request
/// would leave an outcome nobody knows.
/// </summary>
public sealed class Storm(BookingApi api, IReadOnlyList<Buyer> buyers, IReadOnlyList<string> eventIds, Ledger ledger)
{
    /// <summary>Chance that a buyer confirms a hold it got.</summary>
    public double ConfirmProbability { get; init; } = 0.5;

    public int MaxQuantity { get; init; } = 3;

    /// <summary>Chance that a buyer reads back the hold it got (GET), which adds read traffic.</summary>
    public double ReadBackProbability { get; init; }

    public async Task RunAsync(Func<bool> keepGoing)
    {
        await Task.WhenAll(buyers.Select((buyer, i) => Task.Run(() => BuyAsync(buyer, new Random(i * 7919 + 17), keepGoing))));
    }

    private async Task BuyAsync(Buyer buyer, Random random, Func<bool> keepGoing)
    {
        while (keepGoing())
        {
            var eventId = eventIds[random.Next(eventIds.Count)];
            var held = await api.PlaceHoldAsync(buyer.Token, eventId, random.Next(1, MaxQuantity + 1));
            ledger.Answer("hold", held);
            if (held.Status != 201 || held.Value is not { } hold)
            {
                // Sold out, the buyer's hold limit, or a failure: back off a little.
                await Task.Delay(random.Next(10, 40));
                continue;
            }

            ledger.AddHold(new AckedHold(eventId, hold.HoldId, buyer.UserId, hold.Seats, hold.Quantity, hold.ExpiresAt, DateTimeOffset.UtcNow));
            if (random.NextDouble() < ReadBackProbability)
            {
                ledger.Answer("get-hold", await api.GetHoldAsync(buyer.Token, eventId, hold.HoldId));
            }

            if (random.NextDouble() < ConfirmProbability)
            {
                ledger.ConfirmAttempted(eventId, hold.HoldId);
                var confirmed = await api.ConfirmAsync(buyer.Token, eventId, hold.HoldId);
                ledger.Answer("confirm", confirmed);
                if (confirmed.Status is 200 or 201 && confirmed.Value is { } booking)
                {
                    ledger.AddBooking(new AckedBooking(eventId, booking.BookingId, booking.HoldId, booking.Seats, DateTimeOffset.UtcNow));
                }
            }
        }
    }

    /// <summary>Runs the storm for <paramref name="duration"/>, calling <paramref name="during"/> when it has run for <paramref name="after"/>.</summary>
    public async Task RunAsync(TimeSpan duration, TimeSpan after, Func<Task> during)
    {
        var clock = Stopwatch.StartNew();
        var storm = RunAsync(() => clock.Elapsed < duration);
        await Task.Delay(after);
        await during();
        await storm;
    }
}

public static class Checks
{
    /// <summary>Seats claimed by more than one of the given claims of the same event, described.</summary>
    public static IReadOnlyList<string> SeatsClaimedTwice(IEnumerable<(string EventId, string Claim, IReadOnlyList<string> Seats)> claims) =>
        claims
            .SelectMany(c => c.Seats.Select(seat => (c.EventId, Seat: seat, c.Claim)))
            .GroupBy(x => (x.EventId, x.Seat))
            .Where(g => g.Count() > 1)
            .Select(g => $"event {g.Key.EventId} seat {g.Key.Seat} in {string.Join(" and ", g.Select(x => x.Claim))}")
            .ToList();

    /// <summary>Runs <paramref name="check"/> on every item, a few at a time, and collects the problems it reports.</summary>
    public static async Task<IReadOnlyList<string>> ForEachAsync<T>(IEnumerable<T> items, Func<T, Task<string?>> check, int parallelism = 8)
    {
        var problems = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) =>
        {
            if (await check(item) is { } problem) problems.Enqueue(problem);
        });
        return [.. problems];
    }

    public static string List(IReadOnlyList<string> problems, int max = 20) =>
        $"{problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems.Take(max)) +
        (problems.Count > max ? $"{Environment.NewLine}  ... and {problems.Count - max} more" : "");

    public static Availability Require(ApiAnswer<Availability> answer, string eventId) =>
        answer.Value ?? throw new InvalidOperationException($"GET /events/{eventId}/availability: {answer.Describe()}");

    public static SeatList Require(ApiAnswer<SeatList> answer, string eventId) =>
        answer.Value ?? throw new InvalidOperationException($"GET /events/{eventId}/seats: {answer.Describe()}");
}

public static class Buyers
{
    public static async Task<IReadOnlyList<Buyer>> CreateAsync(TestKit.ClusterProcesses cluster, string prefix, int count)
    {
        var buyers = new Buyer[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var userId = $"{prefix}-buyer-{i}";
            buyers[i] = new Buyer(userId, await cluster.TokenAsync(userId));
        });
        return buyers;
    }
}
