using Api.Requests;
using Grains.Abstractions;

namespace Api.Venues;

public sealed record CreateVenueRequest(string? Name, string? City, IReadOnlyList<SectionRequest?>? Sections) : IValidatable
{
    public const int MaxSeatsPerRow = 10_000;

    /// <summary>Bounds the seat map a single request can create; a 100,000-seat event must work, with room to spare.</summary>
    public const int MaxCapacity = 200_000;

    public void Validate(ValidationErrors errors)
    {
        Fields.Name(errors, "name", Name);
        Fields.Text(errors, "city", City, Fields.MaxNameLength);
        if (Sections is null || Sections.Count == 0)
        {
            errors.Add("sections", "A venue needs at least one section.");
            return;
        }

        var sectionNames = new HashSet<string>(StringComparer.Ordinal);
        long capacity = 0;
        for (var s = 0; s < Sections.Count; s++)
        {
            var field = $"sections[{s}]";
            if (Sections[s] is not { } section)
            {
                errors.Add(field, "A section cannot be null.");
                continue;
            }

            Fields.Name(errors, field + ".name", section.Name);
            if (section.Name is not null && !sectionNames.Add(section.Name)) errors.Add(field + ".name", $"Section '{section.Name}' appears twice.");
            Fields.Name(errors, field + ".seatType", section.SeatType, required: false);
            capacity += section.Validate(errors, field);
        }

        if (capacity > MaxCapacity) errors.Add("sections", $"A venue has at most {MaxCapacity} seats; this one has {capacity}.");
    }

    public CreateVenue ToCommand(Caller caller) => new()
    {
        Caller = caller,
        Name = Name!.Trim(),
        City = City,
        Sections = [.. Sections!.Select(s => s!.ToDefinition())],
    };
}

public sealed record SectionRequest(string? Name, string? SeatType, IReadOnlyList<RowRequest?>? Rows)
{
    /// <summary>Returns the seats of the valid rows, for the venue's capacity check.</summary>
    internal long Validate(ValidationErrors errors, string field)
    {
        if (Rows is null || Rows.Count == 0)
        {
            errors.Add(field + ".rows", "A section needs at least one row.");
            return 0;
        }

        var rowNames = new HashSet<string>(StringComparer.Ordinal);
        long seats = 0;
        for (var r = 0; r < Rows.Count; r++)
        {
            var rowField = $"{field}.rows[{r}]";
            if (Rows[r] is not { } row)
            {
                errors.Add(rowField, "A row cannot be null.");
                continue;
            }

            Fields.Name(errors, rowField + ".name", row.Name);
            if (row.Name is not null && !rowNames.Add(row.Name)) errors.Add(rowField + ".name", $"Row '{row.Name}' appears twice in this section.");
            if (row.Seats is not { } count) errors.Add(rowField + ".seats", "The number of seats is required.");
            else if (count is < 1 or > CreateVenueRequest.MaxSeatsPerRow) errors.Add(rowField + ".seats", $"A row has 1 to {CreateVenueRequest.MaxSeatsPerRow} seats.");
            else seats += count;
        }

        return seats;
    }

    internal SectionDefinition ToDefinition() => new()
    {
        Name = Name!,
        SeatType = SeatType,
        Rows = [.. Rows!.Select(r => new RowDefinition { Name = r!.Name!, Seats = r.Seats!.Value })],
    };
}

public sealed record RowRequest(string? Name, int? Seats);
