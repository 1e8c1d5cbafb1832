using Grains.Abstractions;
using Runtime;

namespace Grains.Users;

/// <summary>The user's booking index, changed only by idempotent engagement messages.</summary>
public sealed class UserGrain(IPersistentState<UserState> state) : Grain, IUserGrain
{
    async Task<bool> IUserGrain.Apply(EngagementMessage message)
    {
        if (!state.State.Applied.Add(message.Id)) return false;
        if (message is { Kind: EngagementKind.BookingConfirmed or EngagementKind.BookingCancelled, BookingId: { } bookingId })
        {
            state.State.Bookings[bookingId] = new UserBooking
            {
                BookingId = bookingId,
                EventId = message.EventId,
                EventTitle = message.EventTitle,
                EventStartAt = message.EventStartAt,
                Seats = message.Seats,
                Quantity = message.Quantity,
                Total = message.Total,
                Currency = message.Currency,
                Status = message.Kind == EngagementKind.BookingConfirmed ? "confirmed" : "cancelled",
                BookedAt = state.State.Bookings.TryGetValue(bookingId, out var earlier) ? earlier.BookedAt : message.OccurredAt,
            };
        }

        await state.WriteStateAsync();
        return true;
    }

    Task<IReadOnlyList<UserBooking>> IUserGrain.GetBookings() =>
        Task.FromResult<IReadOnlyList<UserBooking>>(state.State.Bookings.Values.OrderBy(b => b.BookedAt).ToList());
}
