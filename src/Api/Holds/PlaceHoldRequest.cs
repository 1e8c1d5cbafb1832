using Api.Events;
using Api.Requests;
using Grains.Abstractions;

namespace Api.Holds;

/// <summary>Explicit <see cref="Seats"/>, or a <see cref="Quantity"/> chosen best-available (optionally within a section or seat type).</summary>
public sealed record PlaceHoldRequest(IReadOnlyList<string?>? Seats, int? Quantity, string? Section, string? SeatType, int? TtlSeconds) : IValidatable
{
    public const int MaxSeatsPerRequest = 100;

    public void Validate(ValidationErrors errors)
    {
        if ((Seats is null) == (Quantity is null))
        {
            errors.Add("seats", "Give either seats (explicit seat ids) or a quantity (best available), not both.");
        }
        else if (Seats is not null)
        {
            ValidateSeats(errors, Seats);
            if (Section is not null || SeatType is not null) errors.Add("section", "section and seatType narrow a best-available quantity; they do not apply to explicit seats.");
        }
        else if (Quantity is < 1 or > MaxSeatsPerRequest)
        {
            errors.Add("quantity", $"The quantity is 1 to {MaxSeatsPerRequest}.");
        }

        Fields.Name(errors, "section", Section, required: false);
        Fields.Name(errors, "seatType", SeatType, required: false);
        Fields.Range(errors, "ttlSeconds", TtlSeconds, EventDefinitionRules.MinHoldTtlSeconds, EventDefinitionRules.MaxHoldTtlSeconds);
    }

    private static void ValidateSeats(ValidationErrors errors, IReadOnlyList<string?> seats)
    {
        if (seats.Count is 0 or > MaxSeatsPerRequest)
        {
            errors.Add("seats", $"Hold 1 to {MaxSeatsPerRequest} seats per request.");
            return;
        }

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < seats.Count; i++)
        {
            var seat = seats[i];
            if (string.IsNullOrWhiteSpace(seat) || seat.Length > 3 * Fields.MaxNameLength + 10) errors.Add($"seats[{i}]", "Not a seat id.");
            else if (!distinct.Add(seat)) errors.Add($"seats[{i}]", $"Seat '{seat}' is listed twice.");
        }
    }

    public PlaceHold ToCommand(Caller caller, Grains.Abstractions.Idempotency? idempotency) => new()
    {
        Caller = caller,
        Seats = Seats is null ? null : [.. Seats.Select(s => s!)],
        Quantity = Quantity,
        Section = Section,
        SeatType = SeatType,
        TtlSeconds = TtlSeconds,
        Idempotency = idempotency,

        // One id per HTTP request: if the answer is lost and the call is sent again (a silo died
        // mid-call, a storage conflict), the grain returns the hold it already made.
        RequestId = Guid.NewGuid().ToString("N"),
    };
}
