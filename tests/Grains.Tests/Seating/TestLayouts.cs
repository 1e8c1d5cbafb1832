using Grains.Events.Seating;

namespace Grains.Tests.Seating;

internal static class TestLayouts
{
    public static SeatLayout Uniform(int sections, int rows, int seatsPerRow, string seatType = "Standard") =>
        SeatLayout.Create(UniformSections(sections, rows, seatsPerRow, seatType));

    public static SeatSectionLayout[] UniformSections(int sections, int rows, int seatsPerRow, string seatType = "Standard")
    {
        var result = new SeatSectionLayout[sections];
        for (var s = 0; s < sections; s++)
        {
            var rowLayouts = new SeatRowLayout[rows];
            for (var r = 0; r < rows; r++)
            {
                rowLayouts[r] = new SeatRowLayout($"R{r}", seatsPerRow);
            }

            result[s] = new SeatSectionLayout($"S{s}", seatType, rowLayouts);
        }

        return result;
    }

    public static SeatLayout Theatre() => SeatLayout.Create(
    [
        new SeatSectionLayout("Orchestra", "Standard", [new("A", 20), new("B", 22), new("C", 24)]),
        new SeatSectionLayout("Balcony", "Standard", [new("A", 10), new("BB", 12)]),
        new SeatSectionLayout("Box", "Premium", [new("1", 4)]),
    ]);

    /// <summary>Holds every seat of the row except the listed seat numbers (0-based within the row).</summary>
    public static void LeaveFreeOnly(SeatInventory inventory, int row, params int[] freeOffsets)
    {
        var start = inventory.Layout.RowStart(row);
        for (var offset = 0; offset < inventory.Layout.RowLength(row); offset++)
        {
            if (Array.IndexOf(freeOffsets, offset) < 0)
            {
                inventory.Hold(start + offset, 0);
            }
        }
    }

    public static void FillRow(SeatInventory inventory, int row) => LeaveFreeOnly(inventory, row);
}
