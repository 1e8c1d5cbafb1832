namespace LoadTest.Http;

// Request and response bodies of the booking API, as the load tool needs them.
// Unknown response properties are ignored; absent ones stay null/zero.

internal sealed class TokenRequest
{
    public required string UserId { get; init; }
    public required string[] Roles { get; init; }
}

internal sealed class TokenResponse
{
    public string? Token { get; init; }
}

internal sealed class VenueRequest
{
    public required string Name { get; init; }
    public string? City { get; init; }
    public required List<SectionRequest> Sections { get; init; }
}

internal sealed class SectionRequest
{
    public required string Name { get; init; }
    public string? SeatType { get; init; }
    public required List<RowRequest> Rows { get; init; }
}

internal sealed class RowRequest
{
    public required string Name { get; init; }
    public required int Seats { get; init; }
}

internal sealed class VenueResponse
{
    public string? Id { get; init; }
    public int Capacity { get; init; }
}

internal sealed class EventRequest
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string? VenueId { get; init; }
    public int? Capacity { get; init; }
    public required DateTimeOffset StartAt { get; init; }
    public required DateTimeOffset EndAt { get; init; }
    public required Dictionary<string, decimal> Prices { get; init; }
    public string? Currency { get; init; }
    public int? HoldTtlSeconds { get; init; }
    public int? MaxSeatsPerHold { get; init; }
}

internal sealed class EventResponse
{
    public string? Id { get; init; }
    public string? Slug { get; init; }
    public string? Status { get; init; }
}

internal sealed class HoldRequest
{
    public string[]? Seats { get; init; }
    public int? Quantity { get; init; }
    public string? Section { get; init; }
    public string? SeatType { get; init; }
}

internal sealed class HoldResponse
{
    public string? HoldId { get; init; }
    public string? EventId { get; init; }
    public string? UserId { get; init; }
    public string[]? Seats { get; init; }
    public string? Status { get; init; }
}

internal sealed class ConfirmRequest
{
    public string? PaymentReference { get; init; }
}

internal sealed class BookingResponse
{
    public string? BookingId { get; init; }
    public string? EventId { get; init; }
    public string? UserId { get; init; }
    public string[]? Seats { get; init; }
    public decimal? Total { get; init; }
    public string? Currency { get; init; }
    public string? Status { get; init; }
}

internal sealed class SeatsResponse
{
    public List<SeatDto>? Seats { get; init; }
}

internal sealed class SeatDto
{
    public string? Id { get; init; }
    public string? Section { get; init; }
    public string? Row { get; init; }
    public int? Number { get; init; }
    public string? SeatType { get; init; }
    public decimal? Price { get; init; }
    public string? Status { get; init; }
}

internal sealed class AvailabilityResponse
{
    public int Capacity { get; init; }
    public int Available { get; init; }
    public int Held { get; init; }
    public int Booked { get; init; }
}

/// <summary>RFC 7807 problem details, with the booking API's extension.</summary>
internal sealed class ProblemResponse
{
    public string? Title { get; init; }
    public string? Detail { get; init; }
    public int? Status { get; init; }
    public string[]? UnavailableSeats { get; init; }
}

internal sealed class TicketListResponse
{
    public string? BookingId { get; init; }
    public List<TicketDto>? Items { get; init; }
}

internal sealed class TicketDto
{
    public string? TicketId { get; init; }
    public string? SeatId { get; init; }
    public string? Code { get; init; }
    public string? Status { get; init; }
}

internal sealed class CheckInRequest
{
    public required string Code { get; init; }
    public string? Gate { get; init; }
}

internal sealed class CheckInResponse
{
    public string? TicketId { get; init; }
    public string? SeatId { get; init; }
    public DateTimeOffset? CheckedInAt { get; init; }
    public string? Gate { get; init; }
    public string? Status { get; init; }
}

internal sealed class CheckInStatsResponse
{
    public int Tickets { get; init; }
    public int CheckedIn { get; init; }
    public Dictionary<string, int>? ByGate { get; init; }
}
