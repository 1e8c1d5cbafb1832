using Grains.Events.Seating;

namespace Grains.Tests.Seating;

public sealed class SeatInventoryTests
{
    [Fact]
    public void NewInventoryHasEverySeatFree()
    {
        var inventory = new SeatInventory(TestLayouts.Theatre());

        Assert.Equal(inventory.Layout.SeatCount, inventory.FreeCount);
        Assert.Equal(0, inventory.HeldCount);
        Assert.Equal(0, inventory.BookedCount);
        Assert.Equal(SeatState.Free, inventory.StateOf(5));
        Assert.Equal(-1, inventory.OwnerOf(5));
    }

    [Fact]
    public void HoldBookReleaseKeepCountsExact()
    {
        var inventory = new SeatInventory(TestLayouts.Theatre());
        var total = inventory.Layout.SeatCount;

        inventory.Hold(3, owner: 7);
        inventory.Hold(4, owner: 7);
        Assert.Equal((total - 2, 2, 0), (inventory.FreeCount, inventory.HeldCount, inventory.BookedCount));
        Assert.Equal((SeatState.Held, 7), (inventory.StateOf(3), inventory.OwnerOf(3)));

        inventory.Book(3, owner: 100);
        Assert.Equal((total - 2, 1, 1), (inventory.FreeCount, inventory.HeldCount, inventory.BookedCount));
        Assert.Equal((SeatState.Booked, 100), (inventory.StateOf(3), inventory.OwnerOf(3)));

        inventory.Release(4);
        inventory.Release(3);
        Assert.Equal((total, 0, 0), (inventory.FreeCount, inventory.HeldCount, inventory.BookedCount));
        Assert.Equal((SeatState.Free, -1), (inventory.StateOf(3), inventory.OwnerOf(3)));

        // A random walk checked against a plain model catches drift in the row and section counters too.
        var random = new Random(1234);
        var model = new SeatState[total];
        for (var step = 0; step < 5_000; step++)
        {
            var seat = random.Next(total);
            switch (model[seat])
            {
                case SeatState.Free:
                    inventory.Hold(seat, step);
                    model[seat] = SeatState.Held;
                    break;
                case SeatState.Held when random.Next(2) == 0:
                    inventory.Book(seat, step);
                    model[seat] = SeatState.Booked;
                    break;
                default:
                    inventory.Release(seat);
                    model[seat] = SeatState.Free;
                    break;
            }

            Assert.Equal(model.Count(s => s == SeatState.Free), inventory.FreeCount);
            Assert.Equal(model.Count(s => s == SeatState.Held), inventory.HeldCount);
            Assert.Equal(model.Count(s => s == SeatState.Booked), inventory.BookedCount);
        }

        var result = new List<int>();
        var free = model.Count(s => s == SeatState.Free);
        Assert.True(inventory.TryFindBestAvailable(free, null, null, result));
        Assert.Equal(Enumerable.Range(0, total).Where(s => model[s] == SeatState.Free), result);
        Assert.False(inventory.TryFindBestAvailable(free + 1, null, null, result));
    }

    [Fact]
    public void HoldingATakenSeatIsABrokenInvariant()
    {
        var inventory = new SeatInventory(TestLayouts.Theatre());
        inventory.Hold(11, owner: 1);

        var error = Assert.Throws<InvalidOperationException>(() => inventory.Hold(11, owner: 2));
        Assert.Contains("Orchestra:A:12", error.Message);
        Assert.Contains("Held", error.Message);
        Assert.Equal(1, inventory.OwnerOf(11));

        inventory.Book(11, owner: 3);
        error = Assert.Throws<InvalidOperationException>(() => inventory.Hold(11, owner: 2));
        Assert.Contains("Booked", error.Message);
        Assert.Throws<InvalidOperationException>(() => inventory.Book(11, owner: 4));

        error = Assert.Throws<InvalidOperationException>(() => inventory.Book(12, owner: 4));
        Assert.Contains("Orchestra:A:13", error.Message);
        Assert.Contains("Free", error.Message);
        Assert.Throws<InvalidOperationException>(() => inventory.Release(12));

        Assert.Equal((inventory.Layout.SeatCount - 1, 0, 1), (inventory.FreeCount, inventory.HeldCount, inventory.BookedCount));
    }

    [Fact]
    public void OutOfRangeSeatsAndNegativeOwnerTagsAreRejected()
    {
        var inventory = new SeatInventory(TestLayouts.Theatre());

        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.Hold(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.Hold(inventory.Layout.SeatCount, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.Hold(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.StateOf(inventory.Layout.SeatCount));
        Assert.Equal(inventory.Layout.SeatCount, inventory.FreeCount);
    }

    [Fact]
    public void AreAllFreeIsFalseWhenAnySeatIsTaken()
    {
        var inventory = new SeatInventory(TestLayouts.Theatre());
        inventory.Hold(2, 0);

        Assert.True(inventory.AreAllFree([0, 1, 3]));
        Assert.True(inventory.AreAllFree([]));
        Assert.False(inventory.AreAllFree([0, 1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.AreAllFree([inventory.Layout.SeatCount]));
    }

    [Fact]
    public void InventoryOfHundredThousandSeatsCostsUnderOneMegabyte()
    {
        var layout = TestLayouts.Uniform(sections: 20, rows: 50, seatsPerRow: 100);
        _ = new SeatInventory(TestLayouts.Uniform(1, 1, 1));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var inventory = new SeatInventory(layout);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(100_000, inventory.FreeCount);
        Assert.True(allocated < 1_000_000, $"Inventory allocated {allocated} bytes.");
    }
}
