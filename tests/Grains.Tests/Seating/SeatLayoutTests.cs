using Grains.Events.Seating;

namespace Grains.Tests.Seating;

public sealed class SeatLayoutTests
{
    [Fact]
    public void SeatIdsRoundTrip()
    {
        var layout = TestLayouts.Theatre();

        Assert.Equal(20 + 22 + 24 + 10 + 12 + 4, layout.SeatCount);
        Assert.Equal("Orchestra:A:12", layout.SeatId(11));
        Assert.Equal("Balcony:BB:1", layout.SeatId(20 + 22 + 24 + 10));
        Assert.Equal("Box:1:4", layout.SeatId(layout.SeatCount - 1));
        for (var seat = 0; seat < layout.SeatCount; seat++)
        {
            Assert.True(layout.TryParseSeatId(layout.SeatId(seat), out var parsed));
            Assert.Equal(seat, parsed);
        }
    }

    [Theory]
    [InlineData("Gallery:A:1")]
    [InlineData("Orchestra:Z:1")]
    [InlineData("orchestra:A:1")]
    [InlineData("Orchestra:A:0")]
    [InlineData("Orchestra:A:21")]
    [InlineData("Orchestra:A:012")]
    [InlineData("Orchestra:A:-1")]
    [InlineData("Orchestra:A:+1")]
    [InlineData("Orchestra:A: 1")]
    [InlineData("Orchestra:A:1 ")]
    [InlineData("Orchestra:A:99999999999")]
    [InlineData("Orchestra:A:")]
    [InlineData("Orchestra:A")]
    [InlineData("Orchestra:A:1:2")]
    [InlineData("Orchestra::1")]
    [InlineData(":A:1")]
    [InlineData("Box:A:1")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownSeatIdIsRejected(string? seatId)
    {
        var layout = TestLayouts.Theatre();

        Assert.False(layout.TryParseSeatId(seatId, out var seat));
        Assert.Equal(-1, seat);
    }

    [Fact]
    public void SeatsAreIndexedSectionBySectionRowByRow()
    {
        var layout = TestLayouts.Theatre();

        Assert.Equal(6, layout.RowCount);
        Assert.Equal([0, 20, 42, 66, 76, 88], Enumerable.Range(0, layout.RowCount).Select(layout.RowStart));
        Assert.Equal([20, 22, 24, 10, 12, 4], Enumerable.Range(0, layout.RowCount).Select(layout.RowLength));
        Assert.Equal([0, 0, 0, 1, 1, 2], Enumerable.Range(0, layout.RowCount).Select(layout.SectionOfRow));
        Assert.Equal(0, layout.RowOfSeat(0));
        Assert.Equal(0, layout.RowOfSeat(19));
        Assert.Equal(1, layout.RowOfSeat(20));
        Assert.Equal(4, layout.RowOfSeat(87));
        Assert.Equal(5, layout.RowOfSeat(91));
        Assert.Equal(("Balcony", "BB", 3, "Standard"), layout.Describe(78));
        Assert.Equal(("Box", "1", 1, "Premium"), layout.Describe(88));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.SeatId(layout.SeatCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.RowStart(-1));
    }

    [Fact]
    public void SectionsAndSeatTypesAreFoundByExactName()
    {
        var layout = TestLayouts.Theatre();

        Assert.Equal(1, layout.FindSection("Balcony"));
        Assert.Null(layout.FindSection("balcony"));
        Assert.Null(layout.FindSection("Gallery"));
        Assert.True(layout.HasSeatType("Premium"));
        Assert.False(layout.HasSeatType("premium"));
        Assert.False(layout.HasSeatType("Standing"));
    }

    [Fact]
    public void LayoutRejectsDuplicateSectionNames()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SeatLayout.Create(
        [
            new SeatSectionLayout("Stalls", "Standard", [new("A", 10)]),
            new SeatSectionLayout("Stalls", "Premium", [new("A", 10)]),
        ]));

        Assert.Contains("Duplicate section name 'Stalls'", error.Message);
    }

    [Fact]
    public void LayoutRejectsDuplicateRowNamesWithinASectionOnly()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SeatLayout.Create(
        [
            new SeatSectionLayout("Stalls", "Standard", [new("A", 10), new("A", 12)]),
        ]));
        Assert.Contains("Duplicate row name 'A'", error.Message);

        var layout = SeatLayout.Create(
        [
            new SeatSectionLayout("Stalls", "Standard", [new("A", 10)]),
            new SeatSectionLayout("Circle", "Standard", [new("A", 10)]),
        ]);
        Assert.True(layout.TryParseSeatId("Circle:A:1", out var seat));
        Assert.Equal(10, seat);
    }

    [Theory]
    [InlineData("", "Standard", "A", "non-empty")]
    [InlineData(" ", "Standard", "A", "non-empty")]
    [InlineData("Stalls", "", "A", "non-empty")]
    [InlineData("Stalls", "Standard", "", "non-empty")]
    [InlineData("Sta:lls", "Standard", "A", "':'")]
    [InlineData("Stalls", "Standard", "A:1", "':'")]
    public void LayoutRejectsEmptyNamesAndColons(string section, string seatType, string row, string problem)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SeatLayout.Create(
        [
            new SeatSectionLayout(section, seatType, [new(row, 10)]),
        ]));

        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_001)]
    public void LayoutRejectsRowSizesOutsideLimits(int seats)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SeatLayout.Create(
        [
            new SeatSectionLayout("Stalls", "Standard", [new("A", seats)]),
        ]));

        Assert.Contains("1..10000", error.Message);
    }

    [Fact]
    public void LayoutRejectsEmptyShapesAndMoreThanTwoHundredThousandSeats()
    {
        Assert.ThrowsAny<ArgumentException>(() => SeatLayout.Create([]));
        Assert.ThrowsAny<ArgumentException>(() => SeatLayout.Create([new SeatSectionLayout("Stalls", "Standard", [])]));

        var atLimit = TestLayouts.Uniform(sections: 20, rows: 10, seatsPerRow: 1_000);
        Assert.Equal(200_000, atLimit.SeatCount);
        var error = Assert.ThrowsAny<ArgumentException>(
            () => SeatLayout.Create(TestLayouts.UniformSections(sections: 20, rows: 10, seatsPerRow: 1_001)));
        Assert.Contains("200000", error.Message);
    }

    [Fact]
    public void LayoutIsUnaffectedByLaterChangesToItsInput()
    {
        var rows = new List<SeatRowLayout> { new("A", 10) };
        var sections = new List<SeatSectionLayout> { new("Stalls", "Standard", rows) };
        var layout = SeatLayout.Create(sections);

        rows.Add(new SeatRowLayout("B", 10));
        sections.Add(new SeatSectionLayout("Circle", "Standard", rows));

        Assert.Equal(10, layout.SeatCount);
        Assert.Single(layout.Sections);
        Assert.Single(layout.Sections[0].Rows);
    }

    [Fact]
    public void LayoutOfHundredThousandSeatsHasNoPerSeatObjects()
    {
        var sections = TestLayouts.UniformSections(sections: 20, rows: 50, seatsPerRow: 100);
        SeatLayout.Create(TestLayouts.UniformSections(1, 1, 1));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var layout = SeatLayout.Create(sections);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(100_000, layout.SeatCount);
        Assert.True(allocated < 2_000_000, $"Create allocated {allocated} bytes.");
    }
}
