using Grains.Abstractions;
using Grains.Events;
using Grains.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using OrleansDynamoDb.Journal;
using TestKit;
using static Grains.Tests.Events.EventFixtures;

namespace Grains.Tests.Events;

public sealed class EventGrainTests
{
    private static Task<TestSilo> StartSiloAsync(TimeProvider? time = null, string? prefix = null) =>
        TestSilo.StartAsync(time, prefix);

    [Fact]
    public async Task ConfirmTurnsAHoldIntoOneBookingAndRepeatingReturnsTheSameBooking()
    {
        await using var silo = await StartSiloAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 2, 10);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);

        var hold = await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 2 });
        var first = await grain.Confirm(new ConfirmHold { Caller = Buyer("ann"), HoldId = hold.Value!.HoldId });
        var second = await grain.Confirm(new ConfirmHold { Caller = Buyer("ann"), HoldId = hold.Value.HoldId });

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Value!.BookingId, second.Value!.BookingId);
        Assert.Equal(50m, first.Value.Total);
        var availability = (await grain.GetAvailability()).Value!;
        Assert.Equal((20, 18, 0, 2), (availability.Capacity, availability.Available, availability.Held, availability.Booked));
    }

    [Fact]
    public async Task ConcurrentHoldsNeverSellASeatTwice()
    {
        await using var silo = await StartSiloAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 5, 100, maxSeatsPerHold: 10);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);

        var results = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i =>
            Task.Run(() => grain.PlaceHold(new PlaceHold { Caller = Buyer($"buyer-{i % 400}"), Quantity = 1 + (i % 2) }))));

        var seats = results.Where(r => r.Succeeded).SelectMany(r => r.Value!.Seats).ToList();
        Assert.Equal(500, seats.Count);
        Assert.Equal(seats.Count, seats.Distinct().Count());
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(FailureKind.Conflict, r.Failure!.Kind));
        Assert.Equal(500, (await grain.GetAvailability()).Value!.Held);
    }

    [Fact]
    public async Task ExplicitSeatsAlreadyHeldAreRefusedWithTheirIds()
    {
        await using var silo = await StartSiloAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 10);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Seats = ["S1:R1:3", "S1:R1:4"] });

        var refused = await grain.PlaceHold(new PlaceHold { Caller = Buyer("bob"), Seats = ["S1:R1:4", "S1:R1:5"] });

        Assert.Equal(FailureKind.Conflict, refused.Failure!.Kind);
        Assert.Equal(["S1:R1:4"], refused.Failure.UnavailableSeats!);
    }

    [Fact]
    public async Task HoldExpiresOnTimeWithoutAnyCallAndItsSeatsAreBookableAgain()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var silo = await StartSiloAsync(time);
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 4, holdTtlSeconds: 60);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var hold = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 4 })).Value!;

        time.Advance(TimeSpan.FromSeconds(61));

        // The sweep timer journals the expiry by itself: the journal shows it without a call.
        var storage = silo.Services.GetRequiredService<IJournalStorage>();
        await Eventually.WaitUntilAsync(async () => await JournalMentionsAsync(storage, eventId, "\"expire\""), "the expiry is journaled");
        var again = await grain.PlaceHold(new PlaceHold { Caller = Buyer("bob"), Seats = hold.Seats });
        Assert.True(again.Succeeded);
    }

    [Fact]
    public async Task ReleasedHoldIsForgottenAfterRetentionAndThenAnswersHoldEnded()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var silo = await StartSiloAsync(time);
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 4);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var hold = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 1 })).Value!;
        await grain.ReleaseHold(new HoldCommand { Caller = Buyer("ann"), HoldId = hold.HoldId });
        Assert.Equal("Hold released", (await grain.Confirm(new ConfirmHold { Caller = Buyer("ann"), HoldId = hold.HoldId })).Failure!.Title);

        await WaitUntilForgottenAsync(grain, hold.HoldId, time);
        var confirm = await grain.Confirm(new ConfirmHold { Caller = Buyer("ann"), HoldId = hold.HoldId });
        Assert.Equal(FailureKind.Gone, confirm.Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await grain.GetHold(new HoldCommand { Caller = Buyer("ann"), HoldId = "h-99" })).Failure!.Kind);
    }

    [Fact]
    public async Task RetriedReleaseWithItsKeyIsAnsweredTheSameAfterTheHoldIsForgotten()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var silo = await StartSiloAsync(time);
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 4);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var hold = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 1 })).Value!;
        var key = new Idempotency { Key = "ann/release-1", Fingerprint = $"DELETE {hold.HoldId}" };
        Assert.True((await grain.ReleaseHold(new HoldCommand { Caller = Buyer("ann"), HoldId = hold.HoldId, Idempotency = key })).Succeeded);

        await WaitUntilForgottenAsync(grain, hold.HoldId, time);

        var retried = await grain.ReleaseHold(new HoldCommand { Caller = Buyer("ann"), HoldId = hold.HoldId, Idempotency = key });
        Assert.True(retried.Succeeded);
        Assert.Equal(("released", hold.HoldId), (retried.Value!.Status, retried.Value.HoldId));

        var withoutKey = await grain.ReleaseHold(new HoldCommand { Caller = Buyer("ann"), HoldId = hold.HoldId });
        Assert.Equal("Hold ended", withoutKey.Failure!.Title);
        var keyOfAnotherRequest = await grain.ReleaseHold(new HoldCommand { Caller = Buyer("ann"), HoldId = "h-3", Idempotency = key with { Fingerprint = "DELETE h-3" } });
        Assert.Equal(FailureKind.Unprocessable, keyOfAnotherRequest.Failure!.Kind);
    }

    /// <summary>Moves the clock on until ann's ended hold is forgotten (after the ended-hold retention).</summary>
    private static Task WaitUntilForgottenAsync(IEventGrain grain, string holdId, FakeTimeProvider time) =>
        Eventually.WaitUntilAsync(
            async () =>
            {
                time.Advance(TimeSpan.FromSeconds(20));
                return (await grain.GetHold(new HoldCommand { Caller = Buyer("ann"), HoldId = holdId })).Failure?.Title == "Hold ended";
            },
            "the ended hold is forgotten");

    [Fact]
    public async Task ConfirmAfterExpiryIsRejected()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var silo = await StartSiloAsync(time);
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 4, holdTtlSeconds: 30);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var hold = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 1 })).Value!;

        time.Advance(TimeSpan.FromSeconds(30));
        var confirm = await grain.Confirm(new ConfirmHold { Caller = Buyer("ann"), HoldId = hold.HoldId });

        Assert.Equal(FailureKind.Gone, confirm.Failure!.Kind);
        Assert.Equal("Hold expired", confirm.Failure.Title);
    }

    [Fact]
    public async Task OnlyTheHoldsOwnerMayConfirmIt()
    {
        await using var silo = await StartSiloAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 4);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var hold = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 1 })).Value!;

        var confirm = await grain.Confirm(new ConfirmHold { Caller = Buyer("mallory"), HoldId = hold.HoldId });

        Assert.Equal(FailureKind.Forbidden, confirm.Failure!.Kind);
    }

    [Fact]
    public async Task BuyerCannotHoldMoreThanTheLimit()
    {
        await using var silo = await StartSiloAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 2, 10, maxSeatsPerHold: 4);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 3 });

        var refused = await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 2 });

        Assert.Equal("Hold limit reached", refused.Failure!.Title);
    }

    [Fact]
    public async Task SameIdempotencyKeyReplaysAndADifferentRequestIsRefused()
    {
        await using var silo = await StartSiloAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 10);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var key = new Idempotency { Key = "k1", Fingerprint = "f1" };

        var first = await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 2, Idempotency = key });
        var replay = await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 2, Idempotency = key });
        var other = await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 3, Idempotency = key with { Fingerprint = "f2" } });

        Assert.Equal(first.Value!.HoldId, replay.Value!.HoldId);
        Assert.Equal(FailureKind.Unprocessable, other.Failure!.Kind);
        Assert.Equal(2, (await grain.GetAvailability()).Value!.Held);
    }

    [Fact]
    public async Task ResentRequestGetsTheHoldItAlreadyPlaced()
    {
        await using var silo = await StartSiloAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 10);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var request = new PlaceHold { Caller = Buyer("ann"), Quantity = 2, RequestId = "r-1" };

        var first = await grain.PlaceHold(request);
        var resent = await grain.PlaceHold(request);

        Assert.Equal(first.Value!.HoldId, resent.Value!.HoldId);
        Assert.Equal(2, (await grain.GetAvailability()).Value!.Held);
    }

    [Fact]
    public async Task RestartLosesNoBookingAndRevivesNoExpiredHold()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var prefix = TestSilo.NewTablePrefix();
        string eventId;
        var booked = new List<string>();
        string expiredHold;
        await using (var first = await StartSiloAsync(time, prefix))
        {
            eventId = await CreateReservedEventAsync(first.GrainFactory, 2, 5, 20, holdTtlSeconds: 60);
            var grain = first.GrainFactory.GetGrain<IEventGrain>(eventId);
            for (var i = 0; i < 30; i++)
            {
                var hold = (await grain.PlaceHold(new PlaceHold { Caller = Buyer($"b{i}"), Quantity = 2 })).Value!;
                var booking = (await grain.Confirm(new ConfirmHold { Caller = Buyer($"b{i}"), HoldId = hold.HoldId })).Value!;
                booked.Add(booking.BookingId);
            }

            expiredHold = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("late"), Quantity = 3 })).Value!.HoldId;
            time.Advance(TimeSpan.FromSeconds(61));
        }

        await using var second = await StartSiloAsync(time, prefix);
        var revived = second.GrainFactory.GetGrain<IEventGrain>(eventId);
        foreach (var bookingId in booked)
        {
            var booking = await revived.GetBooking(new BookingCommand { Caller = Organizer, BookingId = bookingId });
            Assert.Equal("confirmed", booking.Value!.Status);
        }

        var lateHold = await revived.GetHold(new HoldCommand { Caller = Buyer("late"), HoldId = expiredHold });
        Assert.Equal("expired", lateHold.Value!.Status);
        var availability = (await revived.GetAvailability()).Value!;
        Assert.Equal((60, 0), (availability.Booked, availability.Held));
    }

    [Fact]
    public async Task TwoActivationsOfOneEventCannotBothPersistDecisions()
    {
        // Two silos that both believe they own the event (a split view of membership).
        var prefix = TestSilo.NewTablePrefix();
        await using var left = await StartSiloAsync(prefix: prefix);
        await using var right = await StartSiloAsync(prefix: prefix);
        var eventId = await CreateReservedEventAsync(left.GrainFactory, 1, 1, 10);
        var onLeft = left.GrainFactory.GetGrain<IEventGrain>(eventId);
        var onRight = right.GrainFactory.GetGrain<IEventGrain>(eventId);
        await onRight.GetAvailability();

        var leftHold = await onLeft.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Seats = ["S1:R1:1", "S1:R1:2"] });
        var rightAttempt = await Record.ExceptionAsync(() => onRight.PlaceHold(new PlaceHold { Caller = Buyer("bob"), Seats = ["S1:R1:1", "S1:R1:2"] }));

        Assert.True(leftHold.Succeeded);
        Assert.IsType<InconsistentStateException>(rightAttempt);
        await using var judge = await StartSiloAsync(prefix: prefix);
        var seats = (await judge.GrainFactory.GetGrain<IEventGrain>(eventId).GetSeats()).Value!.Seats;
        Assert.Equal(2, seats.Count(s => s.Status == "held"));
    }

    [Fact]
    public async Task HundredThousandSeatEventReactivatesFromStorage()
    {
        var prefix = TestSilo.NewTablePrefix();
        string eventId;
        await using (var first = await StartSiloAsync(prefix: prefix))
        {
            eventId = await CreateReservedEventAsync(first.GrainFactory, 10, 100, 100);
            var grain = first.GrainFactory.GetGrain<IEventGrain>(eventId);
            await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 4 });
        }

        await using var second = await StartSiloAsync(prefix: prefix);
        var availability = (await second.GrainFactory.GetGrain<IEventGrain>(eventId).GetAvailability()).Value!;

        Assert.Equal((100_000, 4), (availability.Capacity, availability.Held));
    }

    [Fact]
    public async Task CancellingAnEventReleasesHoldsAndCancelsBookings()
    {
        await using var silo = await StartSiloAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 2, 10);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var held = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 2 })).Value!;
        var toBook = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("bob"), Quantity = 2 })).Value!;
        var booking = (await grain.Confirm(new ConfirmHold { Caller = Buyer("bob"), HoldId = toBook.HoldId })).Value!;

        await grain.Cancel(new EventCommand { Caller = Organizer });

        Assert.Equal("released", (await grain.GetHold(new HoldCommand { Caller = Buyer("ann"), HoldId = held.HoldId })).Value!.Status);
        Assert.Equal("cancelled", (await grain.GetBooking(new BookingCommand { Caller = Buyer("bob"), BookingId = booking.BookingId })).Value!.Status);
        await Eventually.WaitUntilAsync(
            async () => (await silo.GrainFactory.GetGrain<IUserGrain>("bob").GetBookings()).Any(b => b.BookingId == booking.BookingId && b.Status == "cancelled"),
            "the buyer's booking index shows the cancellation");
    }

    private static async Task<bool> JournalMentionsAsync(IJournalStorage storage, string eventId, string text)
    {
        await foreach (var entry in storage.ReadEntriesAsync(GrainId.Create("event", eventId), 0, CancellationToken.None))
        {
            if (System.Text.Encoding.UTF8.GetString(Grains.Events.Journal.JournalCodec.Json(entry.Payload).Span).Contains(text, StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
