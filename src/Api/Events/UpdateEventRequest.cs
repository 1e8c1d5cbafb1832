using Api.Requests;
using Grains.Abstractions;

namespace Api.Events;

/// <summary>The full editable definition (PUT replaces it); seating is fixed at creation, a general-admission capacity may change.</summary>
public sealed record UpdateEventRequest(
    string? Slug,
    string? Title,
    string? Description,
    DateTimeOffset? StartAt,
    DateTimeOffset? EndAt,
    string? City,
    IReadOnlyList<string?>? Tags,
    IReadOnlyList<string?>? HostIds,
    IReadOnlyDictionary<string, decimal>? Prices,
    string? Currency,
    int? HoldTtlSeconds,
    int? MaxSeatsPerHold,
    string? Category = null,
    IReadOnlyList<string?>? Artists = null,
    int? WaitlistOfferSeconds = null,
    int? Capacity = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        EventDefinitionRules.Validate(errors, Slug, Title, Description, StartAt, EndAt, City, Tags, HostIds, Prices, Currency, HoldTtlSeconds, MaxSeatsPerHold, Category, Artists, WaitlistOfferSeconds);
        Fields.Range(errors, "capacity", Capacity, 1, Venues.CreateVenueRequest.MaxCapacity);
    }

    public UpdateEvent ToCommand(Caller caller) => new()
    {
        Caller = caller,
        Definition = EventDefinitionRules.ToDefinition(Slug!, Title!, Description, StartAt!.Value, EndAt!.Value, City, Tags, HostIds, Prices!, Currency, HoldTtlSeconds, MaxSeatsPerHold, Category, Artists, WaitlistOfferSeconds),
        Capacity = Capacity,
    };
}
