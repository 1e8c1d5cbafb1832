using System.Net;
using Api.Tests.Tickets;
using Grains.Abstractions;

namespace Api.Tests.CheckIns;

public sealed class OfflineCheckInsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly DateTimeOffset s_doors = new(2027, 6, 1, 18, 0, 0, TimeSpan.Zero);
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task ABatchWithDuplicatesAdmitsEachTicketOnceTheEarliestScanWinning()
    {
        var (show, staff, tickets) = await BookedEventAsync(quantity: 2);
        var (a, b) = (tickets.Items[0].Code, tickets.Items[1].Code);

        var batch = await UploadAsync(show.Id, staff,
            Scan(a, "east", 5), Scan(b, "east", 6), Scan(a, "west", 2), Scan(a, "east", 9), Scan("garbage", "west", 3));

        Assert.Equal(
            [CheckInStatuses.Duplicate, CheckInStatuses.Admitted, CheckInStatuses.Admitted, CheckInStatuses.Duplicate, CheckInStatuses.Invalid],
            batch.Items.Select(i => i.Status));
        Assert.All(batch.Items.Where(i => i.TicketId == tickets.Items[0].TicketId), i => Assert.Equal(("west", s_doors.AddMinutes(2)), (i.Gate, i.CheckedInAt!.Value)));
        Assert.Equal("malformed", batch.Items[4].Problem);
        var stats = await ApiDriver.ReadAsync<CheckInStatsView>(await _api.GetAsync($"/events/{show.Id}/check-ins/stats", staff), HttpStatusCode.OK);
        Assert.Equal(2, stats.CheckedIn);
    }

    [Fact]
    public async Task AnEarlierOfflineScanReportedLaterWinsAndARetriedUploadIsAdmittedAgain()
    {
        var (show, staff, tickets) = await BookedEventAsync(quantity: 1);
        var code = tickets.Items[0].Code;
        var first = await UploadAsync(show.Id, staff, Scan(code, "east", 10));

        var earlier = await UploadAsync(show.Id, staff, Scan(code, "west", 4));
        var retried = await UploadAsync(show.Id, staff, Scan(code, "west", 4));
        var late = await UploadAsync(show.Id, staff, Scan(code, "east", 10));

        Assert.Equal(CheckInStatuses.Admitted, first.Items[0].Status);
        Assert.Equal(CheckInStatuses.Admitted, earlier.Items[0].Status);
        Assert.Equal(CheckInStatuses.Admitted, retried.Items[0].Status);
        Assert.Equal((CheckInStatuses.Duplicate, "west"), (late.Items[0].Status, late.Items[0].Gate));
    }

    [Fact]
    public async Task AnOnlineAdmissionIsFinalForOfflineScansReportedAfterIt()
    {
        var (show, staff, tickets) = await BookedEventAsync(quantity: 1);
        var code = tickets.Items[0].Code;
        await ApiDriver.ReadAsync<CheckInView>(await _api.PostAsync($"/events/{show.Id}/check-ins", staff, new { code, gate = "main" }), HttpStatusCode.OK);

        var batch = await UploadAsync(show.Id, staff, Scan(code, "side", -60));

        Assert.Equal((CheckInStatuses.Duplicate, "main"), (batch.Items[0].Status, batch.Items[0].Gate));
    }

    [Fact]
    public async Task ScansOfACancelledBookingAreCancelled()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var staff = await _api.UserAsync("staff", "staff");
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var booking = await TicketFlow.BookAsync(_api, buyer, show.Id, 1);
        var code = (await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId)).Items[0].Code;
        await TicketFlow.CancelAsync(_api, buyer, show.Id, booking.BookingId);

        // Scanned after the cancellation (the gate's clock is now).
        var batch = await UploadAsync(show.Id, staff, new { code, gate = "east", scannedAt = DateTimeOffset.UtcNow.AddMinutes(1) });

        Assert.Equal(CheckInStatuses.Cancelled, batch.Items[0].Status);
    }

    [Fact]
    public async Task AnEmptyOrIncompleteBatchIsABadRequest()
    {
        var (show, staff, _) = await BookedEventAsync(quantity: 1);

        await ApiDriver.ProblemAsync(await _api.PostAsync($"/events/{show.Id}/check-ins/batch", staff, new { scans = Array.Empty<object>() }), HttpStatusCode.BadRequest);
        await ApiDriver.ProblemAsync(await _api.PostAsync($"/events/{show.Id}/check-ins/batch", staff, new { scans = new[] { new { code = "x" } } }), HttpStatusCode.BadRequest);
    }

    private static object Scan(string code, string gate, int minutesAfterDoors) => new { code, gate, scannedAt = s_doors.AddMinutes(minutesAfterDoors) };

    private async Task<CheckInBatchView> UploadAsync(string eventId, TestUser staff, params object[] scans) =>
        await ApiDriver.ReadAsync<CheckInBatchView>(await _api.PostAsync($"/events/{eventId}/check-ins/batch", staff, new { scans }), HttpStatusCode.OK);

    private async Task<(EventDetails Show, TestUser Staff, BookingTicketList Tickets)> BookedEventAsync(int quantity)
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var staff = await _api.UserAsync("staff", "staff");
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var booking = await TicketFlow.BookAsync(_api, buyer, show.Id, quantity);
        return (show, staff, await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId));
    }
}
