using Api.Requests;
using Grains.Abstractions;

namespace Api.Events;

/// <summary>Reserved seating from <see cref="VenueId"/>, or general admission with <see cref="Capacity"/>; exactly one of them.</summary>
public sealed record CreateEventRequest(
    string? Slug,
    string? Title,
    string? Description,
    string? VenueId,
    int? Capacity,
    DateTimeOffset? StartAt,
    DateTimeOffset? EndAt,
    string? City,
    IReadOnlyList<string?>? Tags,
    IReadOnlyList<string?>? HostIds,
    IReadOnlyDictionary<string, decimal>? Prices,
    string? Currency,
    int? HoldTtlSeconds,
    int? MaxSeatsPerHold,
    bool? Draft,
    string? Category = null,
    IReadOnlyList<string?>? Artists = null,
    int? WaitlistOfferSeconds = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        EventDefinitionRules.Validate(errors, Slug, Title, Description, StartAt, EndAt, City, Tags, HostIds, Prices, Currency, HoldTtlSeconds, MaxSeatsPerHold, Category, Artists, WaitlistOfferSeconds);
        if ((VenueId is null) == (Capacity is null)) errors.Add("venueId", "Give either a venueId (reserved seating) or a capacity (general admission), not both.");
        if (VenueId is not null && string.IsNullOrWhiteSpace(VenueId)) errors.Add("venueId", "A venue id cannot be empty.");
        Fields.Range(errors, "capacity", Capacity, 1, Venues.CreateVenueRequest.MaxCapacity);
    }

    public CreateEvent ToCommand(Caller caller, Grains.Abstractions.Idempotency? idempotency) => new()
    {
        Caller = caller,
        Definition = EventDefinitionRules.ToDefinition(Slug!, Title!, Description, StartAt!.Value, EndAt!.Value, City, Tags, HostIds, Prices!, Currency, HoldTtlSeconds, MaxSeatsPerHold, Category, Artists, WaitlistOfferSeconds),
        VenueId = VenueId,
        Capacity = Capacity,
        Draft = Draft ?? false,
        Idempotency = idempotency,
    };
}
