using LoadTest.Http;

namespace LoadTest.Scenarios;

/// <summary>Builds a venue of rows of 100 seats, grouped in sections of 10 rows (S1..Sn, R1..R10).</summary>
internal static class VenueLayout
{
    public const int SeatsPerRow = 100;
    public const int RowsPerSection = 10;

    public static VenueRequest Build(string name, int seats)
    {
        var sections = new List<SectionRequest>();
        var remaining = seats;
        for (var s = 1; remaining > 0; s++)
        {
            var rows = new List<RowRequest>();
            for (var r = 1; r <= RowsPerSection && remaining > 0; r++)
            {
                var count = Math.Min(SeatsPerRow, remaining);
                rows.Add(new RowRequest { Name = $"R{r}", Seats = count });
                remaining -= count;
            }

            sections.Add(new SectionRequest { Name = $"S{s}", Rows = rows });
        }

        return new VenueRequest { Name = name, City = "Loadtown", Sections = sections };
    }
}
