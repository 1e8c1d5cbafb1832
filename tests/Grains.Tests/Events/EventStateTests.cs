using System.Text.Json;
using Grains.Abstractions;
using Grains.Events;
using Grains.Events.Journal;
using Grains.Tickets;
using Grains.Waitlist;

namespace Grains.Tests.Events;

/// <summary>The event state as a pure fold of journal changes.</summary>
public sealed class EventStateTests
{
    private static readonly DateTimeOffset s_start = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OldIdempotencyKeysAndEndedHoldsAreForgottenButBookingsStay()
    {
        var state = NewEvent();
        state.Apply(new HoldPlaced(1, "ann", [0, 1], 2, s_start, s_start.AddMinutes(3), new IdempotencyRecord("k1", "f1", s_start)));
        state.Apply(new HoldPlaced(2, "bob", [2], 1, s_start, s_start.AddMinutes(3), null));
        state.Apply(new HoldReleased(1, null));
        state.Apply(new BookingConfirmed(2, 1, 25m, null, s_start, null));

        Assert.Equal(1, state.PruneIdempotency(s_start.AddHours(25)));
        Assert.Equal(1, state.PruneEndedHolds(s_start.AddHours(2), keep: 100));

        Assert.Empty(state.Idempotency);
        Assert.False(state.Holds.ContainsKey(1));
        Assert.True(state.Holds.ContainsKey(2));
        Assert.Single(state.Bookings);
        Assert.Equal((1, 0, 9), (state.Booked, state.Held, state.Available));
    }

    [Fact]
    public void RemindersGoToBookingsConfirmedBeforeTheirTimeAndNotCancelled()
    {
        var state = NewEvent();
        var dueAt = s_start.AddHours(1);
        state.Apply(new HoldPlaced(1, "ann", [0], 1, s_start, s_start.AddMinutes(3), null));
        state.Apply(new BookingConfirmed(1, 1, 25m, null, s_start, null));
        state.Apply(new HoldPlaced(2, "bob", [1], 1, s_start, s_start.AddMinutes(3), null));
        state.Apply(new BookingConfirmed(2, 2, 25m, null, s_start, null));
        state.Apply(new BookingCancelled(2, s_start.AddMinutes(5), null));
        state.Apply(new HoldPlaced(3, "cat", [2], 1, dueAt, dueAt.AddMinutes(3), null));
        state.Apply(new BookingConfirmed(3, 3, 25m, null, dueAt, null));
        state.Apply(new OutboxDelivered(state.NextOutbox - 1));

        state.Apply(new BookingRemindersQueued(dueAt.AddMinutes(1), dueAt));

        var reminder = Assert.Single(state.Outbox);
        Assert.Equal(("ann", EngagementKind.BookingReminder), (reminder.UserId, reminder.Message.Kind));
        Assert.True(EventState.FromSnapshot(state.EventId, state.ToSnapshot()).BookingRemindersQueued);
    }

    [Fact]
    public void BeyondTheLimitTheOldestEndedHoldsAreForgottenFirst()
    {
        var state = NewEvent();
        for (var hold = 1; hold <= 4; hold++) state.Apply(new HoldPlaced(hold, "ann", [hold], 1, s_start, s_start.AddMinutes(3), null));
        state.Apply(new HoldReleased(3, null));
        state.Apply(new HoldExpired(1));
        state.Apply(new BookingConfirmed(2, 1, 25m, null, s_start, null));
        state.Apply(new HoldPlaced(5, "bob", [5], 1, s_start, s_start.AddMinutes(3), null));
        state.Apply(new HoldReleased(5, null));

        // Nothing is old enough for the retention; the limit alone decides, in the order holds ended.
        Assert.Equal(1, state.PruneEndedHolds(s_start, keep: 2));
        Assert.Equal([1, 2, 4, 5], state.Holds.Keys.Order());
        Assert.Equal(2, state.PruneEndedHolds(s_start, keep: 0));

        // The confirmed hold (its booking refers to it) and the active one stay.
        Assert.Equal([2, 4], state.Holds.Keys.Order());
        Assert.Equal((1, 1), (state.Booked, state.Held));
    }

    [Fact]
    public void EndedHoldsRestoredFromASnapshotAreStillForgottenOldestFirst()
    {
        var state = NewEvent();
        state.Apply(new HoldPlaced(1, "ann", [1], 1, s_start, s_start.AddMinutes(5), null));
        state.Apply(new HoldPlaced(2, "bob", [2], 1, s_start, s_start.AddMinutes(3), null));
        state.Apply(new HoldReleased(2, null));
        state.Apply(new HoldReleased(1, null));

        var restored = EventState.FromSnapshot("e1", state.ToSnapshot());

        Assert.Equal(1, restored.PruneEndedHolds(s_start, keep: 1));
        Assert.Equal([1], restored.Holds.Keys);
    }

    [Fact]
    public void SnapshotRestoresTheSameSeatsHoldsAndBookings()
    {
        var state = NewEvent();
        state.Apply(new HoldPlaced(1, "ann", [0, 1], 2, s_start, s_start.AddMinutes(3), null, "r-1"));
        state.Apply(new HoldPlaced(2, "bob", [5], 1, s_start, s_start.AddMinutes(3), null));
        state.Apply(new BookingConfirmed(2, 1, 25m, null, s_start, null));

        var restored = EventState.FromSnapshot("e1", state.ToSnapshot());

        Assert.Equal((state.Held, state.Booked, state.Available), (restored.Held, restored.Booked, restored.Available));
        Assert.True(restored.TryGetHoldOfRequest("r-1", out var hold));
        Assert.Equal(1, hold.Number);
        Assert.Equal(2, restored.SeatsHeldBy("ann"));
    }

    [Fact]
    public void TheTicketKeyAndCheckInsSurviveJournalReplayAndSnapshot()
    {
        var key = TicketKeyPair.Generate();
        var changes = new List<EventChange>
        {
            new TicketKeyIssued(key, s_start),
            new HoldPlaced(1, "ann", [0, 1], 2, s_start, s_start.AddMinutes(3), null),
            new BookingConfirmed(1, 1, 50m, null, s_start, null),
            new TicketCheckedIn("t1-1", "north", s_start.AddHours(1)),
            new TicketScansUploaded([new GateScan("t1-2", "east", s_start.AddHours(2)), new GateScan("t1-2", "west", s_start.AddMinutes(90))]),
        };
        var replayed = NewEvent();
        var json = JsonSerializer.SerializeToUtf8Bytes(changes, EventJournalJsonContext.Default.ListEventChange);
        foreach (var change in JsonSerializer.Deserialize(json, EventJournalJsonContext.Default.ListEventChange)!) replayed.Apply(change);

        var snapshotJson = JsonSerializer.SerializeToUtf8Bytes(replayed.ToSnapshot(), EventJournalJsonContext.Default.EventSnapshot);
        var restored = EventState.FromSnapshot("e1", JsonSerializer.Deserialize(snapshotJson, EventJournalJsonContext.Default.EventSnapshot)!);

        foreach (var state in new[] { replayed, restored })
        {
            Assert.Equal(key.PrivateKey, state.TicketKey!.PrivateKey);
            Assert.Equal(key.PublicKey, state.TicketKey.PublicKey);
            Assert.Equal(new CheckIn { At = s_start.AddHours(1), Gate = "north" }, state.CheckIns.Find("t1-1"));
            Assert.Equal(new CheckIn { At = s_start.AddMinutes(90), Gate = "west", Offline = true }, state.CheckIns.Find("t1-2"));
            Assert.Equal(2, state.CheckIns.CheckedIn);
        }
    }

    [Fact]
    public void TheWaitingListAndItsOffersSurviveJournalReplayAndSnapshot()
    {
        var changes = new List<EventChange>
        {
            new HoldPlaced(1, "ann", [.. Enumerable.Range(0, 10)], 10, s_start, s_start.AddMinutes(3), null),
            new WaitlistJoined("bob", 2, s_start.AddMinutes(1)),
            new WaitlistJoined("cat", 3, s_start.AddMinutes(1)),
            new WaitlistJoined("dan", 1, s_start.AddMinutes(1)),
            new HoldReleased(1, null, s_start.AddMinutes(2)),
            new HoldPlaced(2, "bob", [0, 1], 2, s_start.AddMinutes(2), s_start.AddMinutes(12), null, WaitlistEntry: 1),
            new HoldPlaced(3, "cat", [2, 3, 4], 3, s_start.AddMinutes(2), s_start.AddMinutes(12), null, WaitlistEntry: 2),
            new HoldPlaced(4, "dan", [5], 1, s_start.AddMinutes(2), s_start.AddMinutes(12), null, WaitlistEntry: 3),
            new BookingConfirmed(2, 1, 50m, null, s_start.AddMinutes(3), null),
            new HoldExpired(3),
            new WaitlistLeft("dan", s_start.AddMinutes(4)),
            new HoldReleased(4, null, s_start.AddMinutes(4)),
        };
        var replayed = NewEvent();
        var json = JsonSerializer.SerializeToUtf8Bytes(changes, EventJournalJsonContext.Default.ListEventChange);
        foreach (var change in JsonSerializer.Deserialize(json, EventJournalJsonContext.Default.ListEventChange)!) replayed.Apply(change);

        var snapshotJson = JsonSerializer.SerializeToUtf8Bytes(replayed.ToSnapshot(), EventJournalJsonContext.Default.EventSnapshot);
        var restored = EventState.FromSnapshot("e1", JsonSerializer.Deserialize(snapshotJson, EventJournalJsonContext.Default.EventSnapshot)!);

        foreach (var state in new[] { replayed, restored })
        {
            Assert.Equal(
                [(1, "bob", WaitlistStatus.Accepted), (2, "cat", WaitlistStatus.Expired), (3, "dan", WaitlistStatus.Left)],
                state.Waitlist.Entries.Select(e => (e.Number, e.UserId, e.Status)));
            Assert.Equal(s_start.AddMinutes(12), state.Waitlist.Find("cat")!.EndedAt);
            Assert.Equal("h-3", state.Waitlist.Find("cat")!.Offer!.HoldId);
            Assert.False(state.Waitlist.HasOffers);
            Assert.Equal((2, 8), (state.Booked, state.Available));
        }

        // Only offers tell the buyer: one email each, named for the hold.
        Assert.Equal(
            ["waitlist-offer:e1:h-2", "waitlist-offer:e1:h-3", "waitlist-offer:e1:h-4"],
            replayed.Outbox.Where(e => e.Message.Kind == EngagementKind.WaitlistOffer).Select(e => e.Message.Id));
    }

    [Fact]
    public void ASecondTicketKeyNeverReplacesTheFirst()
    {
        var state = NewEvent();
        var first = TicketKeyPair.Generate();
        state.Apply(new TicketKeyIssued(first, s_start));
        state.Apply(new TicketKeyIssued(TicketKeyPair.Generate(), s_start));

        Assert.Same(first, state.TicketKey);
    }

    private static EventState NewEvent()
    {
        var state = new EventState("e1");
        state.Apply(new EventCreated(
            new EventDefinition
            {
                Slug = "e1",
                Title = "Event",
                StartAt = s_start.AddDays(10),
                EndAt = s_start.AddDays(10).AddHours(2),
                Prices = new Dictionary<string, decimal> { ["default"] = 25m },
            },
            "owner",
            "venue",
            [new SectionDefinition { Name = "A", Rows = [new RowDefinition { Name = "1", Seats = 10 }] }],
            10,
            Draft: false,
            s_start,
            null));
        return state;
    }
}
