using System.Diagnostics;
using TestKit;

namespace Cluster.Tests;

public sealed class ScaleOut(ITestOutputHelper output)
{
    private const int EventCount = 20;
    // Big enough that the storm does not sell everything out before the third silo joins.
    private const int Rows = 20;
    private const int SeatsPerRow = 20;
    private const int BuyerCount = 30;

    // Far beyond the storm, so no hold expires and no seat may legitimately be held twice.
    private const int HoldTtlSeconds = 120;

    private static readonly TimeSpan _joinAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _keepGoingAfterJoin = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan _longestStorm = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AddedSiloTakesOverPartOfTheGrainsWithoutDoubleSale()
    {
        await using var cluster = await ClusterProcesses.StartAsync("scale-out", silos: 2, log: output.WriteLine);
        await cluster.RunAsync(async () =>
        {
            var api = new BookingApi(cluster.Api);
            var admin = await cluster.OperatorTokenAsync();
            var venue = await api.CreateVenueAsync(admin, Rows, SeatsPerRow);
            var events = await api.CreateEventsAsync(admin, venue, "scale-out", EventCount, HoldTtlSeconds);
            var buyers = await Buyers.CreateAsync(cluster, "scale-out", BuyerCount);

            var ledger = new Ledger();
            var clock = Stopwatch.StartNew();
            var joinedTicks = long.MaxValue;
            var storm = new Storm(api, buyers, events, ledger) { ConfirmProbability = 0.3, MaxQuantity = 2 }
                .RunAsync(() =>
                {
                    var joined = Volatile.Read(ref joinedTicks);
                    return clock.Elapsed < _longestStorm && (joined == long.MaxValue || clock.Elapsed.Ticks < joined + _keepGoingAfterJoin.Ticks);
                });
            ClusterSilo newcomer;
            var joinedAt = DateTimeOffset.MaxValue;
            try
            {
                await Task.Delay(_joinAfter);
                newcomer = await cluster.StartSiloAsync();
                await cluster.WaitForActiveSilosAsync(3);
                joinedAt = DateTimeOffset.UtcNow;
            }
            finally
            {
                // The storm goes on a little with three silos, and ends at once if the join failed.
                Volatile.Write(ref joinedTicks, joinedAt == DateTimeOffset.MaxValue ? 0 : clock.Elapsed.Ticks);
                await storm;
            }

            var stormLength = clock.Elapsed;
            cluster.Note($"storm over after {stormLength.TotalSeconds:0.0}s, {TimeSpan.FromTicks(joinedTicks).TotalSeconds:0.0}s after its start the third silo was active: {ledger.Summary()}");
            Assert.True(stormLength < TimeSpan.FromSeconds(HoldTtlSeconds), "the storm outlasted the hold time");

            // The newcomer took part of the grains.
            ClusterReport? report = null;
            await Eventually.WaitUntilAsync(
                async () => ClusterProcesses.RowOf(report = await cluster.MembershipAsync(), newcomer)?.Activations > 0,
                "the added silo hosts activations",
                TimeSpan.FromSeconds(10)).ContinueWith(static _ => { }, TaskScheduler.Default);
            cluster.Note($"membership: {ClusterProcesses.Describe(report)}");
            var row = ClusterProcesses.RowOf(report!, newcomer);
            Assert.True(row is { Status: "Active", Activations: > 0 }, $"the added silo should be Active with activations: {ClusterProcesses.Describe(report)}");

            var holds = ledger.Holds;
            var bookings = ledger.Bookings;
            var bookingOfHold = bookings.ToDictionary(b => (b.EventId, b.HoldId));
            Assert.Contains(holds, h => h.AckedAt > joinedAt);

            // No seat in two acknowledged holds or bookings: nothing expired or was released.
            IReadOnlyList<string> problems = [
                .. Checks.SeatsClaimedTwice(holds.Select(h => (h.EventId, $"hold {h.HoldId}", h.Seats))),
                .. Checks.SeatsClaimedTwice(bookings.Select(b => (b.EventId, $"booking {b.BookingId}", b.Seats))),
                .. bookings.Where(b => !b.Seats.SequenceEqual(holds.First(h => h.EventId == b.EventId && h.HoldId == b.HoldId).Seats))
                    .Select(b => $"booking {b.BookingId} has other seats than hold {b.HoldId}"),
            ];
            Assert.True(problems.Count == 0, "Seats: " + Checks.List(problems));

            // Nothing acknowledged was lost in the move: holds active (or confirmed), bookings confirmed.
            problems = await Checks.ForEachAsync(holds, async h =>
            {
                var read = await api.GetHoldAsync(admin, h.EventId, h.HoldId);
                if (read.Value is not { } hold) return $"hold {h.HoldId} of event {h.EventId}: {read.Describe()}";
                return hold.Status == "expired" ? $"hold {h.HoldId} of event {h.EventId} expired before its time ({h.ExpiresAt:O})" : SiloCrash.HoldProblem(h, hold, bookingOfHold, ledger);
            });
            Assert.True(problems.Count == 0, "Acknowledged holds: " + Checks.List(problems));

            problems = await Checks.ForEachAsync(bookings, async b =>
            {
                var read = await api.GetBookingAsync(admin, b.EventId, b.BookingId);
                return read.Value is { Status: "confirmed" } ? null : $"booking {b.BookingId} of event {b.EventId}: {read.Describe()}";
            });
            Assert.True(problems.Count == 0, "Acknowledged bookings: " + Checks.List(problems));

            // The seat maps agree: every acknowledged hold's seats are held or booked, within capacity.
            problems = await Checks.ForEachAsync(events, async eventId =>
            {
                var availability = Checks.Require(await api.GetAvailabilityAsync(admin, eventId), eventId);
                var seats = Checks.Require(await api.GetSeatsAsync(admin, eventId), eventId).Seats.ToDictionary(s => s.Id, s => s.Status);
                if (availability.Booked + availability.Held > availability.Capacity) return $"event {eventId}: {availability}";
                var claimed = holds.Where(h => h.EventId == eventId).SelectMany(h => h.Seats).ToList();
                var free = claimed.Where(s => seats.GetValueOrDefault(s) is not ("held" or "booked")).ToList();
                if (availability.Held + availability.Booked < claimed.Count) return $"event {eventId}: {claimed.Count} seats acknowledged, but {availability}";
                return free.Count == 0 ? null : $"event {eventId}: acknowledged seats not held or booked: {string.Join(",", free)}";
            });
            Assert.True(problems.Count == 0, "Events: " + Checks.List(problems));
        });
    }
}
