using Grains.Abstractions;
using Grains.Events.Seating;
using Grains.Waitlist;

namespace Grains.Events;

/// <summary>Maps the event state to the records callers see.</summary>
internal static class EventViews
{
    public static EventDetails Details(EventState state)
    {
        var d = state.Definition!;
        return new EventDetails
        {
            Id = state.EventId,
            Slug = d.Slug,
            Title = d.Title,
            Description = d.Description,
            StartAt = d.StartAt,
            EndAt = d.EndAt,
            City = d.City,
            Tags = d.Tags,
            HostIds = d.HostIds,
            OwnerId = state.OwnerId,
            VenueId = state.VenueId,
            GeneralAdmission = state.GeneralAdmission,
            Capacity = state.Capacity,
            Prices = d.Prices,
            Currency = d.Currency,
            HoldTtlSeconds = d.HoldTtlSeconds,
            MaxSeatsPerHold = d.MaxSeatsPerHold,
            Status = StatusName(state.Status),
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
            Category = d.Category,
            Artists = d.Artists,
            WaitlistOfferSeconds = d.WaitlistOfferSeconds,
        };
    }

    /// <summary>The event as the catalogue shows it, at the durable journal sequence <paramref name="version"/>.</summary>
    public static CatalogueEntry CatalogueEntry(EventState state, long version, int maxDescriptionLength)
    {
        if (state.IsDeleted) return new CatalogueEntry { EventId = state.EventId, Version = version, Deleted = true };
        var d = state.Definition!;
        return new CatalogueEntry
        {
            EventId = state.EventId,
            Version = version,
            Slug = d.Slug,
            Title = d.Title,
            Description = d.Description is { } text && text.Length > maxDescriptionLength ? text[..maxDescriptionLength] : d.Description,
            StartAt = d.StartAt,
            EndAt = d.EndAt,
            City = d.City,
            Category = d.Category,
            Tags = d.Tags,
            Artists = d.Artists,
            OwnerId = state.OwnerId,
            HostIds = d.HostIds,
            MinPrice = d.Prices.Count == 0 ? 0 : d.Prices.Values.Min(),
            Currency = d.Currency,
            Status = StatusName(state.Status),
            CreatedAt = state.CreatedAt,
            Analytics = Analytics(state),
        };
    }

    public static string StatusName(EventStatus status) => status switch
    {
        EventStatus.Draft => "draft",
        EventStatus.OnSale => "onsale",
        EventStatus.Deleted => "deleted",
        _ => "cancelled",
    };

    public static HoldView Hold(EventState state, HoldRecord hold) => new()
    {
        HoldId = BookingIds.FormatHold(hold.Number),
        EventId = state.EventId,
        UserId = hold.UserId,
        Seats = SeatIds(state, hold.Seats),
        Quantity = hold.Quantity,
        CreatedAt = hold.CreatedAt,
        ExpiresAt = hold.ExpiresAt,
        Status = hold.Status switch
        {
            HoldStatus.Active => "active",
            HoldStatus.Expired => "expired",
            HoldStatus.Released => "released",
            _ => "confirmed",
        },
        BookingId = hold.Booking > 0 ? BookingIds.Format(state.EventId, hold.Booking) : null,
    };

    public static BookingView Booking(EventState state, BookingRecord booking) => new()
    {
        BookingId = BookingIds.Format(state.EventId, booking.Number),
        EventId = state.EventId,
        UserId = booking.UserId,
        HoldId = BookingIds.FormatHold(booking.Hold),
        Seats = SeatIds(state, booking.Seats),
        Quantity = booking.Quantity,
        Total = booking.Total,
        Currency = state.Definition!.Currency,
        Status = booking.IsCancelled ? "cancelled" : "confirmed",
        PaymentReference = booking.PaymentReference,
        CreatedAt = booking.CreatedAt,
        CancelledAt = booking.CancelledAt,
    };

    public static Availability Availability(EventState state) => new()
    {
        Capacity = state.Capacity,
        Available = state.Available,
        Held = state.Held,
        Booked = state.Booked,
    };

    public static SeatList Seats(EventState state)
    {
        if (state.Inventory is not { } inventory) return new SeatList { Seats = [] };
        var seats = new SeatView[inventory.Layout.SeatCount];
        for (var i = 0; i < seats.Length; i++)
        {
            var (section, row, number, seatType) = inventory.Layout.Describe(i);
            seats[i] = new SeatView
            {
                Id = inventory.Layout.SeatId(i),
                Section = section,
                Row = row,
                Number = number,
                SeatType = seatType,
                Price = state.PriceOf(seatType),
                Status = inventory.StateOf(i) switch
                {
                    SeatState.Free => "available",
                    SeatState.Held => "held",
                    _ => "booked",
                },
            };
        }

        return new SeatList { Seats = seats };
    }

    public static EventAnalytics Analytics(EventState state)
    {
        var c = state.Counters;
        return new EventAnalytics
        {
            EventId = state.EventId,
            Capacity = state.Capacity,
            Booked = state.Booked,
            Held = state.Held,
            Available = state.Available,
            Utilization = state.Capacity == 0 ? 0 : (double)state.Booked / state.Capacity,
            Revenue = c.Revenue,
            Currency = state.Definition!.Currency,
            HoldsCreated = c.HoldsCreated,
            HoldsExpired = c.HoldsExpired,
            HoldsReleased = c.HoldsReleased,
            HoldsConfirmed = c.HoldsConfirmed,
            ConversionRate = c.HoldsCreated == 0 ? 0 : (double)c.HoldsConfirmed / c.HoldsCreated,
            BookingsCancelled = c.BookingsCancelled,
            CheckedIn = state.CheckIns.CheckedIn,
        };
    }

    private static IReadOnlyList<string> SeatIds(EventState state, int[] seats)
    {
        if (seats.Length == 0 || state.Inventory is not { } inventory) return [];
        var ids = new string[seats.Length];
        for (var i = 0; i < seats.Length; i++) ids[i] = inventory.Layout.SeatId(seats[i]);
        return ids;
    }

    /// <summary>An entry as its buyer sees it; an offer shows its hold's current expiry (the hold may have been extended).</summary>
    public static WaitlistEntryView WaitlistEntry(EventState state, WaitlistEntry entry) => new()
    {
        Position = state.Waitlist.Find(entry.UserId) == entry ? state.Waitlist.PositionOf(entry.UserId) : null,
        Quantity = entry.Quantity,
        Status = WaitlistStatusName(entry.Status),
        JoinedAt = entry.JoinedAt,
        Offer = entry.Offer is not { } offer ? null : new WaitlistOfferView
        {
            HoldId = offer.HoldId,
            ExpiresAt = BookingIds.TryParseHold(offer.HoldId, out var number) && state.Holds.TryGetValue(number, out var hold) && hold.Status == HoldStatus.Active
                ? hold.ExpiresAt
                : offer.ExpiresAt,
        },
    };

    public static WaitlistSummary Waitlist(EventState state)
    {
        var counts = state.Waitlist.Counts();
        return new WaitlistSummary
        {
            QueueLength = counts.QueueLength,
            SeatsWaitedFor = counts.SeatsWaitedFor,
            ByStatus = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                [WaitlistStatuses.Waiting] = counts.Waiting,
                [WaitlistStatuses.Offered] = counts.Offered,
                [WaitlistStatuses.Accepted] = counts.Accepted,
                [WaitlistStatuses.Expired] = counts.Expired,
                [WaitlistStatuses.Left] = counts.Left,
            },
        };
    }

    public static string WaitlistStatusName(WaitlistStatus status) => status switch
    {
        WaitlistStatus.Waiting => WaitlistStatuses.Waiting,
        WaitlistStatus.Offered => WaitlistStatuses.Offered,
        WaitlistStatus.Accepted => WaitlistStatuses.Accepted,
        WaitlistStatus.Expired => WaitlistStatuses.Expired,
        WaitlistStatus.Left => WaitlistStatuses.Left,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown waiting list status."),
    };
}
