using Grains.Tickets;

namespace Grains.Tests.Tickets;

public sealed class BookingTicketsTests
{
    [Fact]
    public void SeatedBookingHasOneTicketPerSeatInBookingOrder()
    {
        var tickets = BookingTickets.Of("e1", 9, ["A:1:3", "A:1:4"], 2);

        Assert.Equal([new TicketPayload("e1", 9, 1, "A:1:3"), new TicketPayload("e1", 9, 2, "A:1:4")], tickets);
        Assert.Equal(["t9-1", "t9-2"], tickets.Select(t => t.TicketId));
    }

    [Fact]
    public void GeneralAdmissionBookingHasOneTicketPerUnit()
    {
        var tickets = BookingTickets.Of("e1", 4, [], 3);

        Assert.Equal(["t4-1", "t4-2", "t4-3"], tickets.Select(t => t.TicketId));
        Assert.All(tickets, t => Assert.Null(t.SeatId));
    }

    [Fact]
    public void SameBookingAlwaysYieldsTheSameTickets()
    {
        Assert.Equal(BookingTickets.Of("e1", 4, ["B:2:1"], 1), BookingTickets.Of("e1", 4, ["B:2:1"], 1));
    }

    [Fact]
    public void SeatCountOtherThanQuantityIsABrokenInvariant()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BookingTickets.Of("e1", 4, ["B:2:1"], 2));

        Assert.Contains("booking 4", error.Message);
    }

    [Theory]
    [InlineData("t1-1", 1, 1)]
    [InlineData("t1234-10", 1234, 10)]
    public void TicketIdsParseBack(string id, int booking, int unit)
    {
        Assert.True(TicketIds.TryParse(id, out var b, out var u));
        Assert.Equal((booking, unit), (b, u));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("t1")]
    [InlineData("t0-1")]
    [InlineData("t1-0")]
    [InlineData("t01-1")]
    [InlineData("b1-1")]
    [InlineData("t1-1-1")]
    [InlineData("t+1-1")]
    public void MalformedTicketIdsDoNotParse(string? id)
    {
        Assert.False(TicketIds.TryParse(id, out _, out _));
    }
}
