using System.Globalization;

namespace Api.Tests.Authorization;

/// <summary>
/// One operation of the matrix: the expected statuses ("401 200 ..." in <see cref="Caller"/> order),
/// what to create before each request (<see cref="Setup"/>), route values beyond the shared ones,
/// a query string and a body.
/// </summary>
public sealed record Row(
    string Statuses,
    Func<CellContext, Task>? Setup = null,
    Func<CellContext, Dictionary<string, string>>? Values = null,
    string Query = "",
    Func<CellContext, object?>? Body = null)
{
    public int Expected(Caller caller)
    {
        var statuses = Statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (statuses.Length != Enum.GetValues<Caller>().Length) throw new InvalidOperationException($"'{Statuses}' needs one status per caller.");
        return int.Parse(statuses[(int)caller], CultureInfo.InvariantCulture);
    }
}

/// <summary>What one request of the matrix acts on: the shared world, its own buyer and what its row's setup made.</summary>
public sealed class CellContext(MatrixWorld world, TestUser buyer)
{
    public MatrixWorld World { get; } = world;

    public TestUser Buyer { get; } = buyer;

    /// <summary>Who sends the request (for anonymous requests a user without a token).</summary>
    public TestUser Caller { get; set; } = buyer;

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal)
    {
        ["eventId"] = world.Event.Id,
        ["slug"] = world.Event.Slug,
        ["venueId"] = world.Event.VenueId!,
        ["campaignId"] = world.CampaignId,
        ["userId"] = buyer.Id,
    };

    public Grains.Abstractions.EventDetails? OwnEvent { get; set; }
}

/// <summary>Per-request set-ups: fresh resources owned by the request's buyer or by the event's owner.</summary>
public static class Setups
{
    public static async Task Hold(CellContext cell) => cell.Values["holdId"] = await cell.World.HoldAsync(cell.Buyer);

    public static async Task Booking(CellContext cell) => cell.Values["bookingId"] = await cell.World.BookingAsync(cell.Buyer);

    /// <summary>A fresh booking of the buyer's and its first ticket (id and code).</summary>
    public static async Task Ticket(CellContext cell)
    {
        var booking = await cell.World.BookingAsync(cell.Buyer);
        var ticket = await cell.World.FirstTicketAsync(cell.Buyer, booking);
        cell.Values["bookingId"] = booking;
        cell.Values["ticketId"] = ticket.TicketId;
        cell.Values["code"] = ticket.Code;
    }

    /// <summary>A fresh booking of the buyer's (who has a profile, so its confirmation is emailed) and the access token of its tickets link.</summary>
    public static async Task TicketsLink(CellContext cell)
    {
        await cell.World.ProfileAsync(cell.Buyer);
        var booking = await cell.World.BookingAsync(cell.Buyer);
        cell.Values["bookingId"] = booking;
        cell.Values["access"] = Tickets.TicketsLinks.AccessOf(await Tickets.TicketsLinks.OfAsync(MatrixWorld.EmailOf(cell.Buyer.Id), booking));
    }

    public static async Task Profile(CellContext cell) => cell.Values["userId"] = await cell.World.ProfileAsync(cell.Buyer);

    /// <summary>A sold-out event of the owner's, so that a waiting list can be joined.</summary>
    public static async Task SoldOut(CellContext cell) => cell.Values["eventId"] = await cell.World.SoldOutEventAsync();

    /// <summary>A sold-out event whose waiting list the request's buyer joined.</summary>
    public static async Task Waiting(CellContext cell)
    {
        await SoldOut(cell);
        await cell.World.JoinWaitlistAsync(cell.Buyer, cell.Values["eventId"]);
    }

    public static async Task OwnEvent(CellContext cell)
    {
        cell.OwnEvent = await cell.World.OwnEventAsync();
        cell.Values["eventId"] = cell.OwnEvent.Id;
    }
}
