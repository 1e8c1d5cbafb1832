using System.Net;
using Api.Auth;
using Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Authorization;

/// <summary>
/// What the matrix's requests act on: one caller per role, an on-sale seated event of the owner's,
/// and fresh holds, bookings, profiles and events made per request by <see cref="Setups"/>.
/// </summary>
public sealed class MatrixWorld
{
    private readonly ApiDriver _api;
    private readonly TokenIssuer _tokens;

    private MatrixWorld(ApiFactory factory)
    {
        _api = factory.CreateDriver();
        _tokens = factory.Services.GetRequiredService<TokenIssuer>();
        OtherBuyer = User("other");
        Staff = User("staff", Roles.Staff);
        OtherOrganizer = User("org", Roles.Organizer);
        Owner = User("owner", Roles.Organizer);
        Admin = User("admin", Roles.Admin);
    }

    public ApiDriver Api => _api;

    public TestUser OtherBuyer { get; }

    public TestUser Staff { get; }

    public TestUser OtherOrganizer { get; }

    public TestUser Owner { get; }

    public TestUser Admin { get; }

    public EventDetails Event { get; private set; } = null!;

    public string CampaignId { get; private set; } = "";

    public static async Task<MatrixWorld> CreateAsync(ApiFactory factory)
    {
        var world = new MatrixWorld(factory);
        world.Event = await world._api.CreateSeatedEventAsync(world.Owner, rows: 20, seatsPerRow: 20, maxSeatsPerHold: 100);
        var campaign = await world._api.PostAsync("/emails/send", world.Owner, new { userIds = new[] { world.OtherBuyer.Id }, subject = "Hello", message = "Doors open at 7." });
        world.CampaignId = (await ApiDriver.ReadAsync<CampaignView>(campaign, HttpStatusCode.Accepted)).CampaignId;
        return world;
    }

    /// <summary>A fresh buyer per request, so owner checks are about this request's resources only.</summary>
    public TestUser NewBuyer() => User("buyer");

    public TestUser? As(Caller caller, TestUser buyer) => caller switch
    {
        Caller.Anonymous => null,
        Caller.Buyer => buyer,
        Caller.OtherBuyer => OtherBuyer,
        Caller.Staff => Staff,
        Caller.OtherOrganizer => OtherOrganizer,
        Caller.Owner => Owner,
        Caller.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    public async Task<string> HoldAsync(TestUser buyer) => (await _api.HoldAsync(buyer, Event.Id, new { quantity = 1 })).HoldId;

    public async Task<string> BookingAsync(TestUser buyer)
    {
        var hold = await HoldAsync(buyer);
        var response = await _api.PostAsync($"/events/{Event.Id}/holds/{hold}/confirm", buyer, new { });
        return (await ApiDriver.ReadAsync<BookingView>(response, HttpStatusCode.Created)).BookingId;
    }

    public async Task<TicketView> FirstTicketAsync(TestUser buyer, string bookingId)
    {
        var response = await _api.GetAsync($"/events/{Event.Id}/bookings/{bookingId}/tickets", buyer);
        return (await ApiDriver.ReadAsync<BookingTicketList>(response, HttpStatusCode.OK)).Items[0];
    }

    public async Task<string> ProfileAsync(TestUser buyer)
    {
        var response = await _api.PostAsync("/users", buyer, ProfileBody(buyer.Id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return buyer.Id;
    }

    /// <summary>An event of the owner's that the request may change or cancel without disturbing the others.</summary>
    public async Task<EventDetails> OwnEventAsync()
    {
        var response = await _api.PostAsync("/events", Owner, ApiDriver.EventBody(capacity: 10));
        return await ApiDriver.ReadAsync<EventDetails>(response, HttpStatusCode.Created);
    }

    /// <summary>An event of the owner's whose one seat someone else holds.</summary>
    public async Task<string> SoldOutEventAsync()
    {
        var response = await _api.PostAsync("/events", Owner, ApiDriver.EventBody(capacity: 1));
        var soldOut = await ApiDriver.ReadAsync<EventDetails>(response, HttpStatusCode.Created);
        await _api.HoldAsync(OtherBuyer, soldOut.Id, new { quantity = 1 });
        return soldOut.Id;
    }

    public async Task JoinWaitlistAsync(TestUser buyer, string eventId) =>
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync($"/events/{eventId}/waitlist", buyer, new { quantity = 1 })).StatusCode);

    public static object ProfileBody(string userId) => new { firstName = "Ana", lastName = "Lima", email = EmailOf(userId) };

    public static string EmailOf(string userId) => $"{userId}@example.com";

    public static Dictionary<string, object?> UpdateBody(EventDetails details) => new()
    {
        ["slug"] = details.Slug,
        ["title"] = "Renamed",
        ["startAt"] = details.StartAt,
        ["endAt"] = details.EndAt,
        ["prices"] = new Dictionary<string, decimal> { ["default"] = 30m },
        ["currency"] = "EUR",
    };

    private TestUser User(string prefix, params string[] roles)
    {
        var id = ApiDriver.NewId(prefix);
        return new TestUser(id, _tokens.Issue(id, roles));
    }
}
