using Grains.Events.Seating;

namespace Grains.Tests.Seating;

public sealed class BestAvailableTests
{
    [Fact]
    public void BestAvailableTakesAdjacentSeatsInBestRow()
    {
        var inventory = new SeatInventory(TestLayouts.Uniform(sections: 1, rows: 3, seatsPerRow: 10));
        var result = new List<int>();

        Assert.True(inventory.TryFindBestAvailable(4, null, null, result));
        Assert.Equal([3, 4, 5, 6], result);

        // Row 0 is too full for five together, so the party moves back a row rather than splitting.
        TestLayouts.LeaveFreeOnly(inventory, 0, 0, 1, 2, 7, 8, 9);
        Assert.True(inventory.TryFindBestAvailable(5, null, null, result));
        Assert.Equal([12, 13, 14, 15, 16], result);
    }

    [Fact]
    public void BestAvailableAvoidsLeavingSingleOrphanSeat()
    {
        var inventory = new SeatInventory(TestLayouts.Uniform(sections: 1, rows: 3, seatsPerRow: 10));
        var result = new List<int>();

        // Row 0 free runs are 0..4 and 6..9: the centred block 1..4 would strand seat 0, so 6..9 wins.
        inventory.Hold(5, 0);
        Assert.True(inventory.TryFindBestAvailable(4, null, null, result));
        Assert.Equal([6, 7, 8, 9], result);

        // Every block of four in row 0 would now strand one seat, while row 1 has a clean placement.
        inventory.Hold(6, 0);
        Assert.True(inventory.TryFindBestAvailable(4, null, null, result));
        Assert.Equal([13, 14, 15, 16], result);

        // The centred block 2..6 would strand seat 1; one step right leaves pairs on both sides.
        var fresh = new SeatInventory(TestLayouts.Uniform(sections: 1, rows: 1, seatsPerRow: 10));
        fresh.Hold(0, 0);
        Assert.True(fresh.TryFindBestAvailable(5, null, null, result));
        Assert.Equal([3, 4, 5, 6, 7], result);
    }

    [Fact]
    public void BestAvailableAcceptsAnOrphanRatherThanSplitting()
    {
        var inventory = new SeatInventory(TestLayouts.Uniform(sections: 1, rows: 2, seatsPerRow: 10));
        var result = new List<int>();
        TestLayouts.LeaveFreeOnly(inventory, 0, 2, 3, 4, 5, 6);
        TestLayouts.LeaveFreeOnly(inventory, 1, 0, 1, 2, 3, 4);

        Assert.True(inventory.TryFindBestAvailable(4, null, null, result));

        // Both rows only offer orphaning blocks; the better row wins and the block sits nearest the centre.
        Assert.Equal([3, 4, 5, 6], result);
    }

    [Fact]
    public void BestAvailableSplitsOnlyWhenNoRowHasRoom()
    {
        var inventory = new SeatInventory(TestLayouts.Uniform(sections: 1, rows: 3, seatsPerRow: 10));
        var result = new List<int>();
        TestLayouts.LeaveFreeOnly(inventory, 0, 1, 2, 3, 6, 7, 9);
        TestLayouts.LeaveFreeOnly(inventory, 1, 0, 1, 2, 3, 5, 6, 7, 9);
        TestLayouts.LeaveFreeOnly(inventory, 2, 0, 1, 2, 3, 4);

        // Five fit together in row 2, which beats splitting over the better rows.
        Assert.True(inventory.TryFindBestAvailable(5, null, null, result));
        Assert.Equal([20, 21, 22, 23, 24], result);

        // Six fit nowhere: the best row gives its largest runs first, so its lone seat 9 is not needed.
        inventory.Hold(20, 0);
        Assert.True(inventory.TryFindBestAvailable(5, null, null, result));
        Assert.Equal([1, 2, 3, 6, 7], result);

        // Eight take all of row 0, then two from row 1's largest run, as near its centre as the run allows.
        Assert.True(inventory.TryFindBestAvailable(8, null, null, result));
        Assert.Equal([1, 2, 3, 6, 7, 9, 12, 13], result);
    }

    [Fact]
    public void BestAvailableHonoursSectionAndSeatTypeFilters()
    {
        var layout = TestLayouts.Theatre();
        var inventory = new SeatInventory(layout);
        var result = new List<int>();
        var balcony = layout.FindSection("Balcony")!.Value;

        Assert.True(inventory.TryFindBestAvailable(2, balcony, null, result));
        Assert.All(result, seat => Assert.Equal("Balcony", layout.Describe(seat).Section));
        Assert.Equal(["Balcony:A:5", "Balcony:A:6"], result.Select(layout.SeatId));

        Assert.True(inventory.TryFindBestAvailable(3, null, "Premium", result));
        Assert.Equal(["Box:1:1", "Box:1:2", "Box:1:3"], result.Select(layout.SeatId));

        Assert.False(inventory.TryFindBestAvailable(5, null, "Premium", result));
        Assert.False(inventory.TryFindBestAvailable(1, balcony, "Premium", result));
        Assert.False(inventory.TryFindBestAvailable(1, null, "Standing", result));
        Assert.Empty(result);

        // Splitting also stays inside the filter, even though Orchestra has a row with room.
        Assert.True(inventory.TryFindBestAvailable(15, balcony, "Standard", result));
        Assert.All(result, seat => Assert.Equal("Balcony", layout.Describe(seat).Section));
        Assert.Equal(15, result.Distinct().Count());

        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.TryFindBestAvailable(1, 3, null, result));
        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.TryFindBestAvailable(0, null, null, result));
    }

    [Fact]
    public void BestAvailableFailsWhenNotEnoughSeats()
    {
        var inventory = new SeatInventory(TestLayouts.Uniform(sections: 1, rows: 2, seatsPerRow: 5));
        for (var seat = 0; seat < 7; seat++)
        {
            inventory.Hold(seat, 0);
        }

        var result = new List<int> { 42 };
        Assert.False(inventory.TryFindBestAvailable(4, null, null, result));
        Assert.Empty(result);

        Assert.True(inventory.TryFindBestAvailable(3, null, null, result));
        Assert.Equal([7, 8, 9], result);
        Assert.Equal(3, inventory.FreeCount);
    }

    [Fact]
    public void BestAvailableNeverSplitsWhenARowHasRoom()
    {
        var layout = SeatLayout.Create(
        [
            new SeatSectionLayout("Stalls", "Standard", Rows(8, 12, 17)),
            new SeatSectionLayout("Circle", "Standard", Rows(6, 9, 20)),
            new SeatSectionLayout("Boxes", "Premium", Rows(4, 3, 6)),
        ]);
        var random = new Random(20240601);
        var result = new List<int>();
        var splits = 0;
        var orphanFallbacks = 0;

        for (var trial = 0; trial < 1_500; trial++)
        {
            var inventory = new SeatInventory(layout);
            var density = 0.2 + (random.NextDouble() * 0.75);
            for (var seat = 0; seat < layout.SeatCount; seat++)
            {
                if (random.NextDouble() < density)
                {
                    inventory.Hold(seat, trial);
                    if (random.Next(2) == 0)
                    {
                        inventory.Book(seat, trial);
                    }
                }
            }

            var quantity = random.Next(1, 13);
            int? section = random.Next(4) == 0 ? random.Next(3) : null;
            var seatType = random.Next(4) switch { 0 => "Standard", 1 => "Premium", _ => null };
            var expected = Oracle(inventory, quantity, section, seatType);

            var found = inventory.TryFindBestAvailable(quantity, section, seatType, result);

            Assert.Equal(expected.Enough, found);
            if (!found)
            {
                Assert.Empty(result);
                continue;
            }

            Assert.Equal(quantity, result.Count);
            Assert.Equal(quantity, result.Distinct().Count());
            Assert.All(result, seat => Assert.Equal(SeatState.Free, inventory.StateOf(seat)));
            Assert.All(result, seat => Assert.True(IsEligible(layout, layout.SectionOfRow(layout.RowOfSeat(seat)), section, seatType)));
            if (expected.Start >= 0)
            {
                // Whenever any eligible row has room, the party sits together, exactly where the rules say.
                Assert.Equal(Enumerable.Range(expected.Start, quantity), result);
                orphanFallbacks += expected.Orphan ? 1 : 0;
            }
            else
            {
                splits++;
                AssertSplitUsesBestRowsFirst(inventory, result, section, seatType);
            }
        }

        // The seed must exercise every branch, or the property proves little.
        Assert.True(splits > 50, $"only {splits} splits");
        Assert.True(orphanFallbacks > 20, $"only {orphanFallbacks} orphan fallbacks");
    }

    [Fact]
    public void BestAvailableDoesNotAllocate()
    {
        var inventory = HalfFullFiftyThousandSeats();
        var result = new List<int>(200);
        for (var i = 0; i < 20; i++)
        {
            inventory.TryFindBestAvailable(4, null, null, result);
            inventory.TryFindBestAvailable(60, 3, "Standard", result);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Assert.True(inventory.TryFindBestAvailable(4, null, null, result));
            Assert.True(inventory.TryFindBestAvailable(60, 3, "Standard", result));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static SeatInventory HalfFullFiftyThousandSeats()
    {
        var inventory = new SeatInventory(TestLayouts.Uniform(sections: 10, rows: 50, seatsPerRow: 100));
        var random = new Random(7);
        for (var seat = 0; seat < inventory.Layout.SeatCount; seat++)
        {
            if (random.Next(2) == 0)
            {
                inventory.Hold(seat, 1);
            }
        }

        return inventory;
    }

    private static SeatRowLayout[] Rows(int rows, int minSeats, int maxSeats)
    {
        var random = new Random(rows * 1_000 + maxSeats);
        return Enumerable.Range(0, rows).Select(r => new SeatRowLayout($"R{r}", random.Next(minSeats, maxSeats + 1))).ToArray();
    }

    private static bool IsEligible(SeatLayout layout, int section, int? only, string? seatType) =>
        (only is null || only == section) && (seatType is null || layout.Sections[section].SeatType == seatType);

    private static IEnumerable<int> EligibleRows(SeatLayout layout, int? section, string? seatType) =>
        Enumerable.Range(0, layout.RowCount).Where(row => IsEligible(layout, layout.SectionOfRow(row), section, seatType));

    private static bool IsFree(SeatInventory inventory, int seat) => inventory.StateOf(seat) == SeatState.Free;

    /// <summary>Brute-force statement of the rules: every placement of every eligible row is tried.</summary>
    private static (bool Enough, int Start, bool Orphan) Oracle(SeatInventory inventory, int quantity, int? section, string? seatType)
    {
        var layout = inventory.Layout;
        var rows = EligibleRows(layout, section, seatType).ToList();
        var free = rows.Sum(row => Enumerable.Range(layout.RowStart(row), layout.RowLength(row)).Count(seat => IsFree(inventory, seat)));
        (int Row, int Start, int Cost)? bestClean = null;
        (int Row, int Start, int Cost)? bestAny = null;
        foreach (var row in rows)
        {
            var start = layout.RowStart(row);
            var length = layout.RowLength(row);
            for (var offset = 0; offset + quantity <= length; offset++)
            {
                if (!Enumerable.Range(start + offset, quantity).All(seat => IsFree(inventory, seat)))
                {
                    continue;
                }

                var left = 0;
                while (offset - left - 1 >= 0 && IsFree(inventory, start + offset - left - 1))
                {
                    left++;
                }

                var right = 0;
                while (offset + quantity + right < length && IsFree(inventory, start + offset + quantity + right))
                {
                    right++;
                }

                var candidate = (row, start + offset, Math.Abs((2 * offset) + quantity - length));
                if (bestAny is null || (bestAny.Value.Row == row && candidate.Item3 < bestAny.Value.Cost))
                {
                    bestAny = candidate;
                }

                if (left != 1 && right != 1
                    && (bestClean is null || (bestClean.Value.Row == row && candidate.Item3 < bestClean.Value.Cost)))
                {
                    bestClean = candidate;
                }
            }
        }

        var enough = free >= quantity;
        return bestClean is { } clean ? (enough, clean.Start, false)
            : bestAny is { } any ? (enough, any.Start, true)
            : (enough, -1, false);
    }

    private static void AssertSplitUsesBestRowsFirst(SeatInventory inventory, List<int> result, int? section, string? seatType)
    {
        var layout = inventory.Layout;
        var lastRowUsed = result.Max(layout.RowOfSeat);
        foreach (var row in EligibleRows(layout, section, seatType).Where(row => row < lastRowUsed))
        {
            // Rows better than the last one used must have given every free seat they had.
            var seats = Enumerable.Range(layout.RowStart(row), layout.RowLength(row));
            Assert.All(seats.Where(seat => IsFree(inventory, seat)), seat => Assert.Contains(seat, result));
        }
    }
}
