using Api.Requests;

namespace Api.Events;

/// <summary>Rules of the editable event fields, shared by create and update.</summary>
internal static class EventDefinitionRules
{
    public const int MinHoldTtlSeconds = 10;
    public const int MaxHoldTtlSeconds = 3600;
    public const int MinWaitlistOfferSeconds = 60;
    public const int MaxSeatsPerHold = 100;
    public const int MaxListItems = 50;

    public static void Validate(
        ValidationErrors errors,
        string? slug,
        string? title,
        string? description,
        DateTimeOffset? startAt,
        DateTimeOffset? endAt,
        string? city,
        IReadOnlyList<string?>? tags,
        IReadOnlyList<string?>? hostIds,
        IReadOnlyDictionary<string, decimal>? prices,
        string? currency,
        int? holdTtlSeconds,
        int? maxSeatsPerHold,
        string? category,
        IReadOnlyList<string?>? artists,
        int? waitlistOfferSeconds)
    {
        if (slug is null) errors.Add("slug", "A slug is required.");
        else if (!Fields.IsSlug(slug)) errors.Add("slug", "A slug has 1 to 100 lowercase letters, digits and inner hyphens.");

        Fields.Text(errors, "title", title, Fields.MaxNameLength, required: true);
        Fields.Text(errors, "description", description, 10_000);
        Fields.Text(errors, "city", city, Fields.MaxNameLength);

        if (startAt is null) errors.Add("startAt", "A start time is required.");
        if (endAt is null) errors.Add("endAt", "An end time is required.");
        else if (startAt is not null && endAt <= startAt) errors.Add("endAt", "The event must end after it starts.");

        ValidateList(errors, "tags", tags, 50);
        ValidateList(errors, "hostIds", hostIds, 128);
        ValidateList(errors, "artists", artists, Fields.MaxNameLength);
        Fields.Text(errors, "category", category, 100);
        if (category is not null && string.IsNullOrWhiteSpace(category)) errors.Add("category", "A category cannot be empty.");

        if (prices is null || prices.Count == 0) errors.Add("prices", "At least one price is required (use \"default\" for every seat type).");
        else
        {
            foreach (var (seatType, amount) in prices)
            {
                if (string.IsNullOrWhiteSpace(seatType) || seatType.Contains(':')) errors.Add("prices", $"'{seatType}' is not a seat type.");
                else if (amount < 0) errors.Add($"prices.{seatType}", "A price cannot be negative.");
            }
        }

        if (currency is not null && !Fields.IsCurrency(currency)) errors.Add("currency", "A currency is a 3-letter uppercase ISO 4217 code.");
        Fields.Range(errors, "holdTtlSeconds", holdTtlSeconds, MinHoldTtlSeconds, MaxHoldTtlSeconds);
        Fields.Range(errors, "maxSeatsPerHold", maxSeatsPerHold, 1, MaxSeatsPerHold);
        Fields.Range(errors, "waitlistOfferSeconds", waitlistOfferSeconds, MinWaitlistOfferSeconds, MaxHoldTtlSeconds);
    }

    private static void ValidateList(ValidationErrors errors, string field, IReadOnlyList<string?>? items, int maxLength)
    {
        if (items is null) return;
        if (items.Count > MaxListItems) errors.Add(field, $"At most {MaxListItems} items.");
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i])) errors.Add($"{field}[{i}]", "An item cannot be empty.");
            else if (items[i]!.Length > maxLength) errors.Add($"{field}[{i}]", $"At most {maxLength} characters.");
        }
    }

    public static Grains.Abstractions.EventDefinition ToDefinition(
        string slug,
        string title,
        string? description,
        DateTimeOffset startAt,
        DateTimeOffset endAt,
        string? city,
        IReadOnlyList<string?>? tags,
        IReadOnlyList<string?>? hostIds,
        IReadOnlyDictionary<string, decimal> prices,
        string? currency,
        int? holdTtlSeconds,
        int? maxSeatsPerHold,
        string? category,
        IReadOnlyList<string?>? artists,
        int? waitlistOfferSeconds)
    {
        var definition = new Grains.Abstractions.EventDefinition
        {
            Slug = slug,
            Title = title.Trim(),
            Description = description,
            StartAt = startAt,
            EndAt = endAt,
            City = city,
            Tags = tags is null ? [] : [.. tags.Select(t => t!)],
            HostIds = hostIds is null ? [] : [.. hostIds.Select(h => h!)],
            Prices = prices,
            Category = category?.Trim(),
            Artists = artists is null ? [] : [.. artists.Select(a => a!.Trim())],
        };
        return definition with
        {
            Currency = currency ?? definition.Currency,
            HoldTtlSeconds = holdTtlSeconds ?? definition.HoldTtlSeconds,
            MaxSeatsPerHold = maxSeatsPerHold ?? definition.MaxSeatsPerHold,
            WaitlistOfferSeconds = waitlistOfferSeconds ?? definition.WaitlistOfferSeconds,
        };
    }
}
