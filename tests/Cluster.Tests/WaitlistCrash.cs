using System.Collections.Concurrent;
using Grains.Abstractions;
using TestKit;

namespace Cluster.Tests;

/// <summary>
/// A sold-out event with a long waiting list. The event grain is activated while its silo is the
/// only one, so it lives there; two more silos join, and that silo is SIGKILLed while holders give
/// their seats back, waiting buyers take or leave their offers and strangers try to grab seats.
/// </summary>
public sealed class WaitlistCrashScenario : ClusterScenario
{
    public const int Rows = 6;
    public const int SeatsPerRow = 10;
    public const int HolderCount = 12;
    public const int WaiterCount = 40;
    public const int StrangerCount = 8;

    private static readonly TimeSpan _stormLength = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan _killAfter = TimeSpan.FromSeconds(3);

    protected override string Name => "waitlist";

    protected override int SiloCount => 1;

    public BookingApi Api { get; private set; } = null!;

    public string Admin { get; private set; } = "";

    public string EventId { get; private set; } = "";

    public DateTimeOffset KilledAt { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>Offers a waiting buyer was shown, with the seats of their hold, keyed by hold id.</summary>
    public ConcurrentDictionary<string, SeenOffer> Offers { get; } = new();

    /// <summary>Holds strangers were granted (they never release them during the storm).</summary>
    public ConcurrentQueue<HoldView> StrangerHolds { get; } = new();

    /// <summary>Bookings acknowledged to waiting buyers (201 on confirming their offer).</summary>
    public ConcurrentQueue<BookingView> WaiterBookings { get; } = new();

    public ConcurrentQueue<string> ServerErrors { get; } = new();

    protected override async Task RunAsync()
    {
        Api = new BookingApi(Cluster.Api);
        Admin = await Cluster.OperatorTokenAsync();
        var venue = await Api.CreateVenueAsync(Admin, Rows, SeatsPerRow);
        EventId = await Api.CreateEventAsync(Admin, venue, "waitlist-" + Guid.NewGuid().ToString("N")[..6], holdTtlSeconds: 120, maxSeatsPerHold: 5);
        var holders = await Buyers.CreateAsync(Cluster, "wl-holder", HolderCount);
        var waiters = await Buyers.CreateAsync(Cluster, "wl-waiter", WaiterCount);
        var strangers = await Buyers.CreateAsync(Cluster, "wl-stranger", StrangerCount);

        var held = new List<(Buyer Holder, HoldView Hold)>();
        foreach (var holder in holders)
        {
            var hold = await Api.PlaceHoldAsync(holder.Token, EventId, Rows * SeatsPerRow / HolderCount);
            held.Add((holder, hold.Value ?? throw new InvalidOperationException($"hold of {holder.UserId}: {hold.Describe()}")));
        }

        for (var i = 0; i < waiters.Count; i++)
        {
            var joined = await Api.SendAsync<WaitlistEntryView>(HttpMethod.Post, $"/events/{EventId}/waitlist", waiters[i].Token, new { quantity = 1 + (i % 3) });
            if (joined.Status != 201) throw new InvalidOperationException($"{waiters[i].UserId} joining: {joined.Describe()}");
        }

        // The event grain lives on silo 0, the only silo so far; the new ones take what comes next.
        var owner = Cluster.Silos[0];
        await Cluster.StartSiloAsync();
        await Cluster.StartSiloAsync();
        await Cluster.WaitForActiveSilosAsync(3);
        Cluster.Note($"sold out to {HolderCount} holders, {WaiterCount} waiting; the event's silo is {owner.Address}");

        using var stop = new CancellationTokenSource(_stormLength);
        var started = DateTimeOffset.UtcNow;
        var killer = Task.Run(async () =>
        {
            await Task.Delay(_killAfter);
            KilledAt = DateTimeOffset.UtcNow;
            Cluster.KillSilo(owner.Index);
            Cluster.Note("killed the event's silo");
        });
        await Task.WhenAll([
            .. held.Select((h, i) => GiveBackAsync(h.Holder, h.Hold, TimeSpan.FromMilliseconds(i * _stormLength.TotalMilliseconds / 2 / HolderCount))),
            .. waiters.Select((w, i) => WaitForOfferAsync(w, i, stop.Token)),
            .. strangers.Select(s => GrabAsync(s, stop.Token)),
            killer,
        ]);
        Cluster.Note($"storm of {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s: {Offers.Count} offers seen, {WaiterBookings.Count} booked from the waiting list, {StrangerHolds.Count} stranger holds, {ServerErrors.Count} 5xx");
    }

    /// <summary>A holder releases their seats, or books and then cancels them; either way they come back.</summary>
    private async Task GiveBackAsync(Buyer holder, HoldView hold, TimeSpan after)
    {
        await Task.Delay(after);
        if (holder.UserId.EndsWith('0') || holder.UserId.EndsWith('5'))
        {
            var booking = await RetryAsync(() => Api.ConfirmAsync(holder.Token, EventId, hold.HoldId));
            if (booking.Value is { } b) await RetryAsync(() => Api.SendAsync<BookingView>(HttpMethod.Post, $"/events/{EventId}/bookings/{b.BookingId}/cancel", holder.Token));
            return;
        }

        await RetryAsync(() => Api.SendAsync<object>(HttpMethod.Delete, $"/events/{EventId}/holds/{hold.HoldId}", holder.Token));
    }

    /// <summary>A waiting buyer watches their entry; an offer is confirmed, or (one in four) left so it passes on.</summary>
    private async Task WaitForOfferAsync(Buyer waiter, int index, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var entry = await Api.SendAsync<WaitlistEntryView>(HttpMethod.Get, $"/events/{EventId}/waitlist/me", waiter.Token);
            Note(entry.Status, "waitlist/me");
            if (entry.Value is { Status: WaitlistStatuses.Offered, Offer: { } offer })
            {
                var hold = await RetryAsync(() => Api.GetHoldAsync(waiter.Token, EventId, offer.HoldId));
                if (hold.Value is { } seen)
                {
                    var leaves = index % 4 == 3;
                    Offers[offer.HoldId] = new SeenOffer(waiter.UserId, seen, DateTimeOffset.UtcNow, leaves);
                    if (leaves)
                    {
                        await RetryAsync(() => Api.SendAsync<object>(HttpMethod.Delete, $"/events/{EventId}/waitlist/me", waiter.Token));
                        return;
                    }

                    var booking = await RetryAsync(() => Api.ConfirmAsync(waiter.Token, EventId, offer.HoldId));
                    if (booking.Value is { } b) WaiterBookings.Enqueue(b);
                    return;
                }
            }

            if (entry.Value is { Status: not WaitlistStatuses.Waiting and not WaitlistStatuses.Offered }) return;
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>A stranger keeps asking for one seat: only seats that fit nobody waiting can be theirs.</summary>
    private async Task GrabAsync(Buyer stranger, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var hold = await Api.PlaceHoldAsync(stranger.Token, EventId, 1);
            Note(hold.Status, "stranger hold");
            if (hold.Value is { } granted) StrangerHolds.Enqueue(granted);
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Sends a call again while the cluster fails over (5xx or a broken connection), for up to 20 s.</summary>
    private async Task<ApiAnswer<T>> RetryAsync<T>(Func<Task<ApiAnswer<T>>> call)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var answer = await call();
            if (answer.Status is > 0 and < 500 || DateTimeOffset.UtcNow > deadline) return answer;
            Note(answer.Status, "retried call");
            await Task.Delay(200);
        }
    }

    private void Note(int status, string what)
    {
        if (status is 0 or >= 500) ServerErrors.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {what}: {status}");
    }
}

/// <summary>An offer as its waiting buyer saw it: the hold in their name and what they did with it.</summary>
public sealed record SeenOffer(string WaiterId, HoldView Hold, DateTimeOffset SeenAt, bool Left);

public sealed class WaitlistCrash(WaitlistCrashScenario scenario, ITestOutputHelper output) : IClassFixture<WaitlistCrashScenario>
{
    [Fact]
    public async Task NoSeatIsOfferedTwiceOrSoldWhileOnOfferAcrossACrashOfTheEventsSilo()
    {
        scenario.Attach(output);
        var cluster = scenario.Cluster;
        await cluster.RunAsync(async () =>
        {
            var (api, admin, eventId) = (scenario.Api, scenario.Admin, scenario.EventId);
            var offers = scenario.Offers.Values.ToList();
            Assert.Contains(offers, o => o.SeenAt < scenario.KilledAt);
            Assert.Contains(offers, o => o.SeenAt > scenario.KilledAt);

            // Every hold the event ever granted (h-1, h-2, ...), as it stands now.
            var holds = new List<HoldView>();
            for (var number = 1; ; number++)
            {
                var read = await api.GetHoldAsync(admin, eventId, $"h-{number}");
                if (read.Value is not { } hold) break;
                holds.Add(hold);
            }

            cluster.Note($"{holds.Count} holds granted in all; {scenario.ServerErrors.Count} 5xx or broken connections during the failover");

            // No seat is in two live holds or bookings: offers, strangers' holds and bookings alike
            // (a confirmed hold whose booking was cancelled gave its seats back).
            var cancelled = new ConcurrentDictionary<string, bool>();
            var unreadable = await Checks.ForEachAsync(holds.Where(h => h.BookingId is not null), async h =>
            {
                var read = await api.GetBookingAsync(admin, eventId, h.BookingId!);
                if (read.Value is not { } booking) return $"booking {h.BookingId} of {h.HoldId}: {read.Describe()}";
                cancelled[h.HoldId] = booking.Status == "cancelled";
                return null;
            });
            Assert.True(unreadable.Count == 0, "Bookings: " + Checks.List(unreadable));
            var live = holds.Where(h => h.Status == "active" || (h.Status == "confirmed" && !cancelled[h.HoldId])).ToList();
            var twice = Checks.SeatsClaimedTwice(live.Select(h => (eventId, $"{h.HoldId} of {h.UserId} ({h.Status})", h.Seats)));
            Assert.True(twice.Count == 0, "Seats in two live holds: " + Checks.List(twice));

            // No stranger got a seat while it was on offer: strangers never let go of theirs, so a
            // seat of theirs can only have been in an offer made before and given up (left).
            var offered = offers.SelectMany(o => o.Hold.Seats.Select(s => (Seat: s, Offer: o))).ToLookup(x => x.Seat, x => x.Offer);
            var grabbed = scenario.StrangerHolds
                .SelectMany(h => h.Seats.SelectMany(s => offered[s].Where(o => !(o.Left && o.Hold.CreatedAt < h.CreatedAt))
                    .Select(o => $"{s} held by {h.UserId} ({h.HoldId}) was on offer as {o.Hold.HoldId} to {o.WaiterId}")))
                .ToList();
            Assert.True(grabbed.Count == 0, "Seats sold while on offer: " + Checks.List(grabbed));

            // A seat is offered to a second entry only after the first let it go (left the list).
            var reoffered = offered.Where(g => g.Count() > 1)
                .SelectMany(g => g.OrderBy(o => o.Hold.CreatedAt).SkipLast(1).Where(o => !o.Left).Select(o => $"{g.Key}: {o.Hold.HoldId} of {o.WaiterId} was not given up, yet offered again"))
                .ToList();
            Assert.True(reoffered.Count == 0, "Seats offered to two entries: " + Checks.List(reoffered));

            // Every offer a buyer was shown survived the crash with its seats, in the state their actions explain.
            var byId = holds.ToDictionary(h => h.HoldId);
            var lost = offers
                .Select(o => byId.TryGetValue(o.Hold.HoldId, out var now)
                    ? (now.Seats.SequenceEqual(o.Hold.Seats) && (now.Status == "active" || (o.Left ? now.Status == "released" : now.Status == "confirmed"))
                        ? null
                        : $"offer {o.Hold.HoldId} of {o.WaiterId} is {now.Status} with seats {string.Join(",", now.Seats)}")
                    : $"offer {o.Hold.HoldId} of {o.WaiterId} is gone")
                .OfType<string>()
                .ToList();
            Assert.True(lost.Count == 0, "Offers after the crash: " + Checks.List(lost));

            // Every booking acknowledged from the waiting list is there, and the counts add up.
            var problems = await Checks.ForEachAsync(scenario.WaiterBookings, async b =>
            {
                var read = await api.GetBookingAsync(admin, eventId, b.BookingId);
                return read.Value is { Status: "confirmed" } booking && booking.Seats.SequenceEqual(b.Seats) ? null : $"booking {b.BookingId}: {read.Describe()}";
            });
            Assert.True(problems.Count == 0, "Bookings from the waiting list: " + Checks.List(problems));
            var availability = Checks.Require(await api.GetAvailabilityAsync(admin, eventId), eventId);
            Assert.Equal(availability.Capacity, availability.Available + availability.Held + availability.Booked);
            Assert.Equal(live.Where(h => h.Status == "active").Sum(h => h.Seats.Count), availability.Held);
        });
    }
}
