using System.Net;
using System.Text.Json;
using Api.Tests.Tickets;
using Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using TestKit;

namespace Api.Tests.CheckIns;

public sealed class CheckInsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task AScanAdmitsATicketAndASecondScanIsAConflictNamingTheFirst()
    {
        var (show, _, staff, tickets) = await BookedEventAsync(quantity: 1);
        var ticket = tickets.Items[0];

        var first = await ApiDriver.ReadAsync<CheckInView>(await ScanAsync(show.Id, staff, ticket.Code, "north"), HttpStatusCode.OK);
        var again = await ApiDriver.ProblemAsync(await ScanAsync(show.Id, staff, ticket.Code, "south"), HttpStatusCode.Conflict);

        Assert.Equal(CheckInStatuses.Admitted, first.Status);
        Assert.Equal(ticket.TicketId, first.TicketId);
        Assert.Equal(ticket.SeatId, first.SeatId);
        Assert.Equal("north", first.Gate);
        Assert.Equal("north", ((JsonElement)again.Extensions["gate"]!).GetString());
        Assert.Equal(first.CheckedInAt, ((JsonElement)again.Extensions["checkedInAt"]!).GetDateTimeOffset());
    }

    [Fact]
    public async Task EightConcurrentScansOfOneCodeOnTwoGatesAdmitOnce()
    {
        var (show, _, staff, tickets) = await BookedEventAsync(quantity: 1);
        var code = tickets.Items[0].Code;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => ScanAsync(show.Id, staff, code, i % 2 == 0 ? "east" : "west")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var admitted = await ApiDriver.ReadAsync<CheckInView>(responses.Single(r => r.StatusCode == HttpStatusCode.OK), HttpStatusCode.OK);
        foreach (var duplicate in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await ApiDriver.ProblemAsync(duplicate, HttpStatusCode.Conflict);
            Assert.Equal(admitted.Gate, ((JsonElement)problem.Extensions["gate"]!).GetString());
        }

        var stats = await StatsAsync(show.Id, staff);
        Assert.Equal(1, stats.CheckedIn);
        Assert.Equal(1, stats.ByGate[admitted.Gate!]);
    }

    [Fact]
    public async Task AnAlteredByteInACodeIsRefusedAsForged()
    {
        var (show, _, staff, tickets) = await BookedEventAsync(quantity: 1);
        var code = tickets.Items[0].Code;
        // One character of the signature changed: still canonical base64url, the signature no longer matches.
        var at = code.Length - 10;
        var altered = code[..at] + (code[at] == 'A' ? 'B' : 'A') + code[(at + 1)..];

        var problem = await ApiDriver.ProblemAsync(await ScanAsync(show.Id, staff, altered, "north"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("badSignature", ((JsonElement)problem.Extensions["problem"]!).GetString());
    }

    [Fact]
    public async Task ACodeOfAnotherEventIsRefusedNamingIt()
    {
        var (show, _, staff, _) = await BookedEventAsync(quantity: 1);
        var (other, _, _, otherTickets) = await BookedEventAsync(quantity: 1);

        var problem = await ApiDriver.ProblemAsync(await ScanAsync(show.Id, staff, otherTickets.Items[0].Code, null), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("otherEvent", ((JsonElement)problem.Extensions["problem"]!).GetString());
        Assert.Contains(other.Id, problem.Detail);
    }

    [Fact]
    public async Task GarbageIsRefusedAsMalformedNeverAServerError()
    {
        var (show, _, staff, _) = await BookedEventAsync(quantity: 1);

        foreach (var garbage in new[] { "x", "!!!not base64!!!", new string('A', 1000), "AQ" })
        {
            var problem = await ApiDriver.ProblemAsync(await ScanAsync(show.Id, staff, garbage, null), HttpStatusCode.UnprocessableEntity);
            Assert.Equal("malformed", ((JsonElement)problem.Extensions["problem"]!).GetString());
        }

        await ApiDriver.ProblemAsync(await _api.PostAsync($"/events/{show.Id}/check-ins", staff, new { gate = "north" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ATicketOfACancelledBookingIsGone()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var staff = await _api.UserAsync("staff", "staff");
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var booking = await TicketFlow.BookAsync(_api, buyer, show.Id, 1);
        var code = (await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId)).Items[0].Code;
        await TicketFlow.CancelAsync(_api, buyer, show.Id, booking.BookingId);

        await ApiDriver.ProblemAsync(await ScanAsync(show.Id, staff, code, "north"), HttpStatusCode.Gone);
        Assert.Equal(0, (await StatsAsync(show.Id, staff)).Tickets);
    }

    [Fact]
    public async Task StatsCountTicketsAndAdmissionsByGateAndAnalyticsCountCheckIns()
    {
        var (show, organizer, staff, tickets) = await BookedEventAsync(quantity: 3);
        await ApiDriver.ReadAsync<CheckInView>(await ScanAsync(show.Id, staff, tickets.Items[0].Code, "north"), HttpStatusCode.OK);
        await ApiDriver.ReadAsync<CheckInView>(await ScanAsync(show.Id, staff, tickets.Items[1].Code, "north"), HttpStatusCode.OK);
        await ApiDriver.ReadAsync<CheckInView>(await ScanAsync(show.Id, staff, tickets.Items[2].Code, null), HttpStatusCode.OK);

        var stats = await StatsAsync(show.Id, staff);

        Assert.Equal(3, stats.Tickets);
        Assert.Equal(3, stats.CheckedIn);
        Assert.Equal(2, stats.ByGate["north"]);
        Assert.Equal(1, stats.ByGate["none"]);
        var ticketsAfter = await TicketFlow.TicketsAsync(_api, organizer, show.Id, tickets.BookingId);
        Assert.All(ticketsAfter.Items, t => Assert.Equal(TicketStatuses.CheckedIn, t.Status));
        var analytics = await ApiDriver.ReadAsync<EventAnalytics>(await _api.GetAsync($"/events/{show.Id}/analytics", organizer), HttpStatusCode.OK);
        Assert.Equal(3, analytics.CheckedIn);
    }

    [Fact]
    public async Task CheckInLeavesTheHoldersAttendedEventCountUnchanged()
    {
        var (show, _, staff, tickets) = await BookedEventAsync(quantity: 1);
        var holder = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(tickets.HolderId);
        // The booking reaches the user grain through the event's outbox, after the confirm answered.
        await Eventually.WaitUntilAsync(async () => (await holder.GetCounters()).AttendedEventCount == 1, "the booking counts as an attended event");

        await ApiDriver.ReadAsync<CheckInView>(await ScanAsync(show.Id, staff, tickets.Items[0].Code, "north"), HttpStatusCode.OK);

        Assert.Equal(1, (await holder.GetCounters()).AttendedEventCount);
    }

    private async Task<(EventDetails Show, TestUser Organizer, TestUser Staff, BookingTicketList Tickets)> BookedEventAsync(int quantity)
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var staff = await _api.UserAsync("staff", "staff");
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var booking = await TicketFlow.BookAsync(_api, buyer, show.Id, quantity);
        return (show, organizer, staff, await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId));
    }

    private Task<HttpResponseMessage> ScanAsync(string eventId, TestUser staff, string code, string? gate) =>
        _api.PostAsync($"/events/{eventId}/check-ins", staff, new { code, gate });

    private async Task<CheckInStatsView> StatsAsync(string eventId, TestUser staff) =>
        await ApiDriver.ReadAsync<CheckInStatsView>(await _api.GetAsync($"/events/{eventId}/check-ins/stats", staff), HttpStatusCode.OK);
}
