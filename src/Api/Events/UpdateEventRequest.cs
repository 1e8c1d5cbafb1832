using Api.Requests;
using Grains.Abstractions;

namespace Api.Events;

/// <summary>The full editable definition (PUT replaces it); seating and capacity are fixed at creation.</summary>
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
    int? WaitlistOfferSeconds = null) : IValidatable
{
    public void Validate(ValidationErrors errors) =>
        EventDefinitionRules.Validate(errors, Slug, Title, Description, StartAt, EndAt, City, Tags, HostIds, Prices, Currency, HoldTtlSeconds, MaxSeatsPerHold, Category, Artists, WaitlistOfferSeconds);

    public UpdateEvent ToCommand(Caller caller) => new()
    {
        Caller = caller,
        Definition = EventDefinitionRules.ToDefinition(Slug!, Title!, Description, StartAt!.Value, EndAt!.Value, City, Tags, HostIds, Prices!, Currency, HoldTtlSeconds, MaxSeatsPerHold, Category, Artists, WaitlistOfferSeconds),
    };
}
