using TestKit;

namespace Cluster.Tests;

public sealed class SiloCrash(ITestOutputHelper output)
{
    private const int EventCount = 20;
    private const int Rows = 10;
    private const int SeatsPerRow = 10;
    private const int HoldTtlSeconds = 20;
    private const int BuyerCount = 50;

    private static readonly TimeSpan _stormLength = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan _killAfter = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task KilledSiloLosesNoAcknowledgedHoldOrBooking()
    {
        await using var cluster = await ClusterProcesses.StartAsync("crash", silos: 3, log: output.WriteLine);
        await cluster.RunAsync(async () =>
        {
            var api = new BookingApi(cluster.Api);
            var admin = await cluster.OperatorTokenAsync();
            var venue = await api.CreateVenueAsync(admin, Rows, SeatsPerRow);
            var events = await api.CreateEventsAsync(admin, venue, "crash", EventCount, HoldTtlSeconds);
            var buyers = await Buyers.CreateAsync(cluster, "crash", BuyerCount);
            cluster.Note($"{events.Count} events of {Rows * SeatsPerRow} seats, {buyers.Count} buyers");

            var ledger = new Ledger();
            ClusterSilo? victim = null;
            var killedAt = DateTimeOffset.MaxValue;
            await new Storm(api, buyers, events, ledger) { ConfirmProbability = 0.5 }.RunAsync(_stormLength, _killAfter, async () =>
            {
                victim = await BusiestSiloAsync(cluster);
                killedAt = DateTimeOffset.UtcNow;
                cluster.KillSilo(victim.Index);
            });
            var stormEnded = DateTimeOffset.UtcNow;
            cluster.Note($"storm over: {ledger.Summary()}");

            var holds = ledger.Holds;
            var bookings = ledger.Bookings;
            var bookingOfHold = bookings.ToDictionary(b => (b.EventId, b.HoldId));
            Assert.Contains(holds, h => h.AckedAt < killedAt);
            Assert.Contains(holds, h => h.AckedAt > killedAt);
            Assert.Contains(bookings, b => b.AckedAt > killedAt);

            // The cluster notices the crash by itself: the silo never said goodbye.
            await Eventually.WaitUntilAsync(
                async () => ClusterProcesses.RowOf(await cluster.MembershipAsync(), victim!)?.Status == "Dead",
                $"the killed silo {victim!.Address} is Dead in membership",
                TimeSpan.FromSeconds(20));
            cluster.Note($"membership: {ClusterProcesses.Describe(await cluster.MembershipAsync())}");

            // Every acknowledged booking is there, confirmed, with the seats it was given.
            var problems = await Checks.ForEachAsync(bookings, async b =>
            {
                var read = await api.GetBookingAsync(admin, b.EventId, b.BookingId);
                if (read.Value is not { } booking) return $"booking {b.BookingId} of event {b.EventId}: {read.Describe()}";
                if (booking.Status != "confirmed") return $"booking {b.BookingId} of event {b.EventId} is {booking.Status}";
                return booking.Seats.SequenceEqual(b.Seats) ? null : $"booking {b.BookingId} of event {b.EventId} has seats {string.Join(",", booking.Seats)}, acknowledged with {string.Join(",", b.Seats)}";
            });
            Assert.True(problems.Count == 0, "Acknowledged bookings: " + Checks.List(problems));

            // Every acknowledged hold is still known: active or expired, or confirmed when the buyer
            // asked for it; never missing, never released (nobody released anything).
            var activeSeats = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
            problems = await Checks.ForEachAsync(holds, async h =>
            {
                var read = await api.GetHoldAsync(admin, h.EventId, h.HoldId);
                if (read.Value is not { } hold) return $"hold {h.HoldId} of event {h.EventId}: {read.Describe()}";
                if (hold.Status == "active") activeSeats.AddOrUpdate(h.EventId, hold.Seats.Count, (_, n) => n + hold.Seats.Count);
                return HoldProblem(h, hold, bookingOfHold, ledger);
            });
            Assert.True(problems.Count == 0, "Acknowledged holds: " + Checks.List(problems));

            // No seat sold twice. No hold could expire or be released during the storm (it is
            // shorter than the hold time), so no seat was in two acknowledged holds either.
            problems = [
                .. Checks.SeatsClaimedTwice(bookings.Select(b => (b.EventId, $"booking {b.BookingId}", b.Seats))),
                .. Checks.SeatsClaimedTwice(holds.Select(h => (h.EventId, $"hold {h.HoldId}", h.Seats))),
                .. bookings.Where(b => !b.Seats.SequenceEqual(holds.First(h => h.EventId == b.EventId && h.HoldId == b.HoldId).Seats))
                    .Select(b => $"booking {b.BookingId} has other seats than hold {b.HoldId}"),
            ];
            Assert.True(problems.Count == 0, "Seats: " + Checks.List(problems));

            // Per event: booked + held within capacity, every acknowledged booking's seats booked.
            // Seats taken by requests whose answer was lost are legitimate, but counted for the log.
            var unacknowledged = 0;
            problems = await Checks.ForEachAsync(events, async eventId =>
            {
                var availability = Checks.Require(await api.GetAvailabilityAsync(admin, eventId), eventId);
                var seats = Checks.Require(await api.GetSeatsAsync(admin, eventId), eventId).Seats.ToDictionary(s => s.Id, s => s.Status);
                var booked = bookings.Where(b => b.EventId == eventId).SelectMany(b => b.Seats).ToList();
                if (availability.Capacity != Rows * SeatsPerRow) return $"event {eventId}: capacity {availability.Capacity}";
                if (availability.Booked + availability.Held > availability.Capacity) return $"event {eventId}: {availability.Booked} booked + {availability.Held} held > {availability.Capacity}";
                if (availability.Available + availability.Held + availability.Booked != availability.Capacity) return $"event {eventId}: counts do not add up: {availability}";
                if (availability.Booked < booked.Count) return $"event {eventId}: {availability.Booked} booked, but {booked.Count} seats were acknowledged booked";
                var unknownHeld = availability.Held - activeSeats.GetValueOrDefault(eventId);
                var unknownBooked = availability.Booked - booked.Count;
                if (unknownHeld != 0 || unknownBooked != 0) Interlocked.Add(ref unacknowledged, unknownHeld + unknownBooked);
                var notBooked = booked.Where(s => seats.GetValueOrDefault(s) != "booked").ToList();
                return notBooked.Count == 0 ? null : $"event {eventId}: acknowledged booked seats not booked in the seat map: {string.Join(",", notBooked)}";
            });
            Assert.True(problems.Count == 0, "Events: " + Checks.List(problems));
            cluster.Note($"{unacknowledged} seats held or booked beyond what the buyers were told");

            // Holds acknowledged before the kill expire on time, though the silo that granted
            // many of them is gone: their grains came back on the survivors.
            var early = holds.Where(h => h.AckedAt < killedAt && !bookingOfHold.ContainsKey((h.EventId, h.HoldId))).ToList();
            Assert.NotEmpty(early);
            await WaitUntilAsync(early.Max(h => h.ExpiresAt) + TimeSpan.FromSeconds(2));
            problems = await Checks.ForEachAsync(early, async h =>
            {
                var read = await api.GetHoldAsync(admin, h.EventId, h.HoldId);
                if (read.Value is not { } hold) return $"hold {h.HoldId} of event {h.EventId}: {read.Describe()}";
                var fine = hold.Status == "expired" || (hold.Status == "confirmed" && ledger.WasConfirmAttempted(h.EventId, h.HoldId));
                return fine ? null : $"hold {h.HoldId} of event {h.EventId} expiring at {h.ExpiresAt:HH:mm:ss.fff} is {hold.Status} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}";
            });
            Assert.True(problems.Count == 0, $"{early.Count} holds acknowledged before the kill, after they expired: " + Checks.List(problems));
            cluster.Note($"{early.Count} holds from before the kill expired on time");

            // Once every hold has run out, availability counts their seats free again.
            await WaitUntilAsync(Later(holds.Max(h => h.ExpiresAt), stormEnded + TimeSpan.FromSeconds(HoldTtlSeconds)) + TimeSpan.FromSeconds(1));
            problems = await Checks.ForEachAsync(events, async eventId =>
            {
                var availability = Checks.Require(await api.GetAvailabilityAsync(admin, eventId), eventId);
                var held = Checks.Require(await api.GetSeatsAsync(admin, eventId), eventId).Seats.Count(s => s.Status == "held");
                return availability.Held == 0 && held == 0 && availability.Available == availability.Capacity - availability.Booked
                    ? null
                    : $"event {eventId} after every hold expired: {availability}, {held} seats held in the seat map";
            });
            Assert.True(problems.Count == 0, "Expired holds: " + Checks.List(problems));
        });
    }

    internal static string? HoldProblem(AckedHold acked, Grains.Abstractions.HoldView hold, IReadOnlyDictionary<(string, string), AckedBooking> bookingOfHold, Ledger ledger)
    {
        var where = $"hold {acked.HoldId} of event {acked.EventId}";
        if (!hold.Seats.SequenceEqual(acked.Seats)) return $"{where} has seats {string.Join(",", hold.Seats)}, acknowledged with {string.Join(",", acked.Seats)}";
        if (bookingOfHold.TryGetValue((acked.EventId, acked.HoldId), out var booking))
        {
            return hold.Status == "confirmed" && hold.BookingId == booking.BookingId ? null : $"{where} was confirmed as {booking.BookingId} but is {hold.Status} (booking {hold.BookingId})";
        }

        // A confirm whose answer was lost may have happened.
        string[] allowed = ledger.WasConfirmAttempted(acked.EventId, acked.HoldId) ? ["active", "expired", "confirmed"] : ["active", "expired"];
        return allowed.Contains(hold.Status) ? null : $"{where} is {hold.Status}; expected {string.Join(" or ", allowed)}";
    }

    /// <summary>The running silo with the most activations: killing it moves the most grains.</summary>
    internal static async Task<ClusterSilo> BusiestSiloAsync(ClusterProcesses cluster)
    {
        var report = await cluster.MembershipAsync();
        var silo = cluster.Silos
            .Where(s => !s.Process.HasExited)
            .Select(s => (Silo: s, Row: ClusterProcesses.RowOf(report, s)))
            .Where(x => x.Row?.Status == "Active")
            .OrderByDescending(x => x.Row!.Activations)
            .First();
        cluster.Note($"busiest silo: {silo.Silo.Index} at {silo.Silo.Address} with {silo.Row!.Activations} activations");
        return silo.Silo;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Waits for a moment the test defines (a hold's expiry), not a guessed duration.</summary>
    private static async Task WaitUntilAsync(DateTimeOffset moment)
    {
        var wait = moment - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }
}
