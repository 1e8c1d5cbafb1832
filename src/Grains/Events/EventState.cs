using Grains.Abstractions;
using Grains.Events.Journal;
using Grains.Events.Seating;
using Grains.Tickets;
using Grains.Waitlist;

namespace Grains.Events;

/// <summary>
/// Everything the event grain knows, as the fold of its journal. <see cref="Apply"/> is the only
/// way to change it, so a replay after a crash rebuilds exactly what was acknowledged. Decisions
/// (is this seat free? may this user hold more?) are made by the grain against this state.
/// </summary>
public sealed partial class EventState
{
    private readonly Dictionary<int, HoldRecord> _holds = [];
    private readonly Dictionary<int, BookingRecord> _bookings = [];
    private readonly Dictionary<string, int> _seatsHeldByUser = new(StringComparer.Ordinal);
    private readonly PriorityQueue<int, DateTimeOffset> _expiries = new();
    private readonly Queue<int> _ended = new();
    private readonly Dictionary<string, IdempotencyEntry> _idempotency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _activeHoldsByRequest = new(StringComparer.Ordinal);
    private readonly List<OutboxEntry> _outbox = [];
    private readonly SortedSet<string> _attendees = new(StringComparer.Ordinal);
    private SeatInventory? _inventory;
    private int _gaHeld;
    private int _gaBooked;

    public EventState(string eventId) => EventId = eventId;

    public string EventId { get; }

    public bool Exists => Definition is not null && Status != EventStatus.Deleted;

    public bool IsDeleted => Status == EventStatus.Deleted;

    /// <summary>CRM attendees registered without a seat.</summary>
    public IReadOnlySet<string> Attendees => _attendees;

    public EventDefinition? Definition { get; private set; }

    public string OwnerId { get; private set; } = "";

    public string? VenueId { get; private set; }

    public IReadOnlyList<SectionDefinition>? Sections { get; private set; }

    public EventStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Capacity { get; private set; }

    /// <summary>The ticket signing key; null until the event first needs one.</summary>
    public TicketKeyPair? TicketKey { get; private set; }

    /// <summary>Buyers waiting for seats of a sold-out event, and the offers made to them.</summary>
    public WaitingList Waitlist { get; private set; } = new();

    /// <summary>Which tickets have been admitted at the door.</summary>
    public CheckInLedger CheckIns { get; private set; } = new();

    public bool GeneralAdmission => _inventory is null;

    public SeatInventory? Inventory => _inventory;

    public int NextHold { get; private set; } = 1;

    public int NextBooking { get; private set; } = 1;

    public long NextOutbox { get; private set; } = 1;

    public EventCounters Counters { get; private set; } = new();

    public IReadOnlyList<OutboxEntry> Outbox => _outbox;

    public IReadOnlyDictionary<int, HoldRecord> Holds => _holds;

    public IReadOnlyDictionary<int, BookingRecord> Bookings => _bookings;

    public IReadOnlyDictionary<string, IdempotencyEntry> Idempotency => _idempotency;

    public int Held => GeneralAdmission ? _gaHeld : _inventory!.HeldCount;

    public int Booked => GeneralAdmission ? _gaBooked : _inventory!.BookedCount;

    public int Available => Capacity - Held - Booked;

    public int ActiveHoldCount { get; private set; }

    /// <summary>True once the reminders before the start went into the outbox; they are never queued twice.</summary>
    public bool BookingRemindersQueued { get; private set; }

    /// <summary>True if a booking confirmed before <paramref name="moment"/> is not cancelled.</summary>
    public bool HasBookingsBefore(DateTimeOffset moment) => _bookings.Values.Any(b => !b.IsCancelled && b.CreatedAt < moment);

    public int SeatsHeldBy(string userId) => _seatsHeldByUser.GetValueOrDefault(userId);

    /// <summary>The active hold a client request already placed, if any.</summary>
    public bool TryGetHoldOfRequest(string requestId, out HoldRecord hold)
    {
        hold = null!;
        return _activeHoldsByRequest.TryGetValue(requestId, out var number) && _holds.TryGetValue(number, out hold!);
    }

    /// <summary>The active hold that expires first, if any (entries of holds that ended are skipped).</summary>
    public bool TryPeekExpiry(out int hold, out DateTimeOffset expiresAt)
    {
        while (_expiries.TryPeek(out hold, out expiresAt))
        {
            if (_holds.TryGetValue(hold, out var record) && record.Status == HoldStatus.Active && record.ExpiresAt == expiresAt) return true;
            _expiries.Dequeue();
        }

        return false;
    }

    /// <summary>
    /// Forgets expired and released holds, oldest first, while more than <paramref name="keep"/> are
    /// kept or they ended before <paramref name="cutoff"/>, so a sale's churn costs bounded memory
    /// and snapshot bytes. Confirmed holds stay: their bookings refer to them. Costs only what it
    /// removes: ended holds wait in the order they ended.
    /// </summary>
    public int PruneEndedHolds(DateTimeOffset cutoff, int keep)
    {
        var removed = 0;
        while (_ended.TryPeek(out var number))
        {
            var hold = _holds[number];
            if (_ended.Count <= keep && hold.ExpiresAt >= cutoff) break;
            _ended.Dequeue();
            _holds.Remove(number);
            removed++;
        }

        return removed;
    }

    /// <summary>Forgets Idempotency-Keys older than <paramref name="cutoff"/>; a retry that late is a new request.</summary>
    public int PruneIdempotency(DateTimeOffset cutoff)
    {
        var old = _idempotency.Where(e => e.Value.At < cutoff && e.Value.At != default).Select(e => e.Key).ToList();
        foreach (var key in old) _idempotency.Remove(key);
        return old.Count;
    }

    public decimal PriceOf(string seatType)
    {
        var prices = Definition!.Prices;
        if (prices.TryGetValue(seatType, out var price)) return price;
        return prices.TryGetValue("default", out var fallback) ? fallback : 0m;
    }

    public void Apply(EventChange change)
    {
        switch (change)
        {
            case HoldPlaced c: ApplyHold(c); break;
            case BookingConfirmed c: ApplyConfirm(c); break;
            case HoldExpired c: EndHold(c.Hold, HoldStatus.Expired, at: null); break;
            case HoldReleased c: EndHold(c.Hold, HoldStatus.Released, c.At); Remember(c.Idempotency, "release", c.Hold, default); break;
            case HoldExtended c: ApplyExtend(c); break;
            case BookingCancelled c: ApplyCancelBooking(c.Booking, c.At); Remember(c.Idempotency, "cancelBooking", c.Booking, c.At); break;
            case OutboxDelivered c: _outbox.RemoveAll(e => e.Number <= c.UpTo); break;
            case EventCreated c: ApplyCreated(c); break;
            case EventUpdated c: ApplyUpdated(c); break;
            case EventPublished c: Status = EventStatus.OnSale; UpdatedAt = c.At; break;
            case EventCancelled c: ApplyEventCancelled(c); break;
            case BookingRemindersQueued c: ApplyRemindersQueued(c); break;
            case EventDeleted c: ApplyDeleted(c); break;
            case AttendeeAdded c: _attendees.Add(c.UserId); Enqueue(c.UserId, EngagementKind.AttendeeAdded, "attendee-added", c.At); break;
            case AttendeeRemoved c: _attendees.Remove(c.UserId); Enqueue(c.UserId, EngagementKind.AttendeeRemoved, "attendee-removed", c.At); break;
            case TicketKeyIssued c: TicketKey ??= c.Key; break;
            case TicketCheckedIn c: CheckIns.Admit(c.TicketId, c.Gate, c.At); break;
            case TicketScansUploaded c: CheckIns.AdmitBatch(c.Scans); break;
            case WaitlistJoined c: Waitlist.Add(c.UserId, c.Quantity, c.At); break;
            case WaitlistLeft c: Waitlist.Leave(c.UserId, c.At); break;
            default: throw new InvalidOperationException($"Event {EventId}: unknown journal change {change.GetType().Name}.");
        }
    }

    private void ApplyCreated(EventCreated c)
    {
        Definition = c.Definition;
        OwnerId = c.OwnerId;
        VenueId = c.VenueId;
        Sections = c.Sections;
        Status = c.Draft ? EventStatus.Draft : EventStatus.OnSale;
        CreatedAt = c.At;
        UpdatedAt = c.At;
        TicketKey ??= c.TicketKey;
        if (c.Sections is { Count: > 0 } sections)
        {
            _inventory = new SeatInventory(SeatLayouts.FromSections(sections));
            Capacity = _inventory.Layout.SeatCount;
        }
        else
        {
            Capacity = c.Capacity;
        }

        foreach (var host in HostsOf(c.Definition)) Enqueue(host, EngagementKind.HostAdded, "host-added", c.At);
        Remember(c.Idempotency, "create", 0, c.At);
    }

    private void ApplyUpdated(EventUpdated c)
    {
        var before = HostsOf(Definition!).ToHashSet(StringComparer.Ordinal);
        Definition = c.Definition;
        UpdatedAt = c.At;
        if (c.Capacity is { } capacity) Capacity = capacity;
        var after = HostsOf(c.Definition).ToHashSet(StringComparer.Ordinal);
        foreach (var added in after.Where(h => !before.Contains(h))) Enqueue(added, EngagementKind.HostAdded, "host-added", c.At);
        foreach (var removed in before.Where(h => !after.Contains(h))) Enqueue(removed, EngagementKind.HostRemoved, "host-removed", c.At);
    }

    private void ApplyEventCancelled(EventCancelled c)
    {
        foreach (var hold in _holds.Values.Where(h => h.Status == HoldStatus.Active).Select(h => h.Number).ToList())
        {
            EndHold(hold, HoldStatus.Released, c.At);
        }

        Waitlist.ExpireWaiting(c.At);

        foreach (var booking in _bookings.Values.Where(b => !b.IsCancelled).Select(b => b.Number).ToList())
        {
            ApplyCancelBooking(booking, c.At);
        }

        foreach (var host in HostsOf(Definition!)) Enqueue(host, EngagementKind.HostRemoved, "host-removed", c.At);
        Status = EventStatus.Cancelled;
        UpdatedAt = c.At;
        Remember(c.Idempotency, "cancelEvent", 0, c.At);
    }

    private void ApplyRemindersQueued(BookingRemindersQueued c)
    {
        foreach (var booking in _bookings.Values.Where(b => !b.IsCancelled && b.CreatedAt < c.DueAt).OrderBy(b => b.Number))
        {
            Enqueue(booking.UserId, EngagementKind.BookingReminder, "booking-reminder", c.At, booking);
        }

        BookingRemindersQueued = true;
    }

    private void ApplyDeleted(EventDeleted c)
    {
        foreach (var hold in _holds.Values.Where(h => h.Status == HoldStatus.Active).Select(h => h.Number).ToList())
        {
            EndHold(hold, HoldStatus.Released, c.At);
        }

        Waitlist.ExpireWaiting(c.At);

        // A cancelled event already told its hosts; the user grains keep the newest fact per event either way.
        if (Status != EventStatus.Cancelled) foreach (var host in HostsOf(Definition!)) Enqueue(host, EngagementKind.HostRemoved, "host-removed", c.At);
        foreach (var attendee in _attendees) Enqueue(attendee, EngagementKind.AttendeeRemoved, "attendee-removed", c.At);
        _attendees.Clear();
        Status = EventStatus.Deleted;
        UpdatedAt = c.At;
    }

    private void ApplyHold(HoldPlaced c)
    {
        var hold = new HoldRecord
        {
            Number = c.Hold,
            UserId = c.UserId,
            Seats = c.Seats,
            Quantity = c.Quantity,
            CreatedAt = c.At,
            ExpiresAt = c.ExpiresAt,
            RequestId = c.RequestId,
        };
        _holds.Add(c.Hold, hold);
        if (c.RequestId is not null) _activeHoldsByRequest[c.RequestId] = c.Hold;
        if (_inventory is null) _gaHeld += c.Quantity;
        else foreach (var seat in c.Seats) _inventory.Hold(seat, c.Hold);
        _seatsHeldByUser[c.UserId] = SeatsHeldBy(c.UserId) + c.Quantity;
        _expiries.Enqueue(c.Hold, c.ExpiresAt);
        ActiveHoldCount++;
        NextHold = Math.Max(NextHold, c.Hold + 1);
        Counters.HoldsCreated++;
        Remember(c.Idempotency, "hold", c.Hold, c.At);
        if (c.WaitlistEntry is { } entry)
        {
            Waitlist.MarkOffered(entry, BookingIds.FormatHold(c.Hold), c.ExpiresAt);
            Enqueue(c.UserId, EngagementKind.WaitlistOffer, "waitlist-offer", c.At, offered: hold);
        }
    }

    private void ApplyExtend(HoldExtended c)
    {
        var hold = ActiveHold(c.Hold);
        hold.ExpiresAt = c.ExpiresAt;
        _expiries.Enqueue(c.Hold, c.ExpiresAt);
        Remember(c.Idempotency, "extend", c.Hold, default);
    }

    private void ApplyConfirm(BookingConfirmed c)
    {
        var hold = ActiveHold(c.Hold);
        var booking = new BookingRecord
        {
            Number = c.Booking,
            Hold = c.Hold,
            UserId = hold.UserId,
            Seats = hold.Seats,
            Quantity = hold.Quantity,
            Total = c.Total,
            PaymentReference = c.PaymentReference,
            CreatedAt = c.At,
        };
        _bookings.Add(c.Booking, booking);
        hold.Status = HoldStatus.Confirmed;
        hold.Booking = c.Booking;
        ActiveHoldCount--;
        DecrementUserSeats(hold);
        if (_inventory is null)
        {
            _gaHeld -= hold.Quantity;
            _gaBooked += hold.Quantity;
        }
        else
        {
            foreach (var seat in hold.Seats) _inventory.Book(seat, c.Booking);
        }

        NextBooking = Math.Max(NextBooking, c.Booking + 1);
        Counters.HoldsConfirmed++;
        Counters.Revenue += c.Total;
        if (Waitlist.HasOffers) Waitlist.Accept(BookingIds.FormatHold(c.Hold), c.At);
        Enqueue(booking.UserId, EngagementKind.BookingConfirmed, "booking-confirmed", c.At, booking);
        Remember(c.Idempotency, "confirm", c.Booking, c.At);
    }

    private void ApplyCancelBooking(int number, DateTimeOffset at)
    {
        var booking = _bookings.GetValueOrDefault(number)
            ?? throw new InvalidOperationException($"Event {EventId}: journal cancels unknown booking {number}.");
        if (booking.IsCancelled) return;
        booking.CancelledAt = at;
        if (_inventory is null) _gaBooked -= booking.Quantity;
        else foreach (var seat in booking.Seats) _inventory.Release(seat);
        Counters.BookingsCancelled++;
        Counters.Revenue -= booking.Total;
        Enqueue(booking.UserId, EngagementKind.BookingCancelled, "booking-cancelled", at, booking);
    }

    /// <param name="at">When it ended; an expired hold ended when it expired.</param>
    private void EndHold(int number, HoldStatus status, DateTimeOffset? at)
    {
        var hold = ActiveHold(number);
        // A lapsed or released offer: the entry expires, and the grain offers the seats to the next one.
        if (Waitlist.HasOffers) Waitlist.Lapse(BookingIds.FormatHold(number), at ?? hold.ExpiresAt);
        hold.Status = status;
        ActiveHoldCount--;
        DecrementUserSeats(hold);
        if (_inventory is null) _gaHeld -= hold.Quantity;
        else foreach (var seat in hold.Seats) _inventory.Release(seat);
        if (status == HoldStatus.Expired) Counters.HoldsExpired++;
        else Counters.HoldsReleased++;
        _ended.Enqueue(number);
    }

    private HoldRecord ActiveHold(int number)
    {
        var hold = _holds.GetValueOrDefault(number)
            ?? throw new InvalidOperationException($"Event {EventId}: journal refers to unknown hold {number}.");
        if (hold.Status != HoldStatus.Active)
        {
            throw new InvalidOperationException($"Event {EventId}: hold {number} is {hold.Status}, not active.");
        }

        return hold;
    }

    private void DecrementUserSeats(HoldRecord hold)
    {
        if (hold.RequestId is not null) _activeHoldsByRequest.Remove(hold.RequestId);
        var left = SeatsHeldBy(hold.UserId) - hold.Quantity;
        if (left <= 0) _seatsHeldByUser.Remove(hold.UserId);
        else _seatsHeldByUser[hold.UserId] = left;
    }

    private void Remember(IdempotencyRecord? idempotency, string operation, int number, DateTimeOffset at)
    {
        if (idempotency is null) return;
        _idempotency[idempotency.Key] = new IdempotencyEntry(idempotency.Fingerprint, operation, number, idempotency.At ?? at);
    }

    private void Enqueue(string userId, EngagementKind kind, string prefix, DateTimeOffset at, BookingRecord? booking = null, HoldRecord? offered = null)
    {
        var number = NextOutbox++;
        var id = booking is not null ? $"{prefix}:{BookingIds.Format(EventId, booking.Number)}"
            : offered is not null ? $"{prefix}:{EventId}:{BookingIds.FormatHold(offered.Number)}"
            : $"{prefix}:{EventId}:{userId}:{number}";
        var seats = booking?.Seats ?? offered?.Seats;
        _outbox.Add(new OutboxEntry(number, userId, new EngagementMessage
        {
            Id = id,
            Kind = kind,
            EventId = EventId,
            EventTitle = Definition!.Title,
            EventStartAt = Definition.StartAt,
            BookingId = booking is null ? null : BookingIds.Format(EventId, booking.Number),
            Seats = seats is null || _inventory is null ? [] : seats.Select(_inventory.Layout.SeatId).ToArray(),
            Quantity = booking?.Quantity ?? offered?.Quantity ?? 0,
            Total = booking?.Total ?? 0,
            Currency = Definition.Currency,
            OccurredAt = at,
            HoldId = offered is null ? null : BookingIds.FormatHold(offered.Number),
            ExpiresAt = offered?.ExpiresAt,
        }));
    }

    private IEnumerable<string> HostsOf(EventDefinition definition) =>
        new[] { OwnerId }.Concat(definition.HostIds).Where(h => !string.IsNullOrEmpty(h)).Distinct(StringComparer.Ordinal);
}
