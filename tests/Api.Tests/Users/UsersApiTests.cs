using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grains.Abstractions;
using TestKit;

namespace Api.Tests.Users;

public sealed class UsersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task UserCreatesReadsAndUpdatesTheirProfile()
    {
        var buyer = await _api.BuyerAsync();
        var other = await _api.BuyerAsync();
        var email = NewEmail("self");

        var created = await ApiDriver.ReadAsync<UserView>(await _api.PostAsync("/users", buyer, Profile("Ada", "Lovelace", email, "Analytical")), HttpStatusCode.Created);
        var me = await ApiDriver.ReadAsync<UserView>(await _api.GetAsync("/users/me", buyer), HttpStatusCode.OK);
        var updated = await ApiDriver.ReadAsync<UserView>(await _api.SendAsync(HttpMethod.Put, $"/users/{buyer.Id}", buyer, new { city = "London", jobTitle = "Programmer" }), HttpStatusCode.OK);

        Assert.Equal(buyer.Id, created.Id);
        Assert.Equal(email, me.Email);
        Assert.Equal(("London", "Programmer", "Ada"), (updated.City, updated.JobTitle, updated.FirstName));
        await ApiDriver.ProblemAsync(await _api.GetAsync($"/users/{buyer.Id}", other), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.SendAsync(HttpMethod.Put, $"/users/{buyer.Id}", other, new { city = "Paris" }), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.GetAsync($"/users/{other.Id}", other), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvalidProfileIsAValidationProblem()
    {
        var buyer = await _api.BuyerAsync();

        var problem = await ApiDriver.ProblemAsync(
            await _api.PostAsync("/users", buyer, new { firstName = "", lastName = "X", email = "nope", gender = "robot" }),
            HttpStatusCode.BadRequest);

        Assert.Contains("firstName", problem.Errors.Keys);
        Assert.Contains("email", problem.Errors.Keys);
        Assert.Contains("gender", problem.Errors.Keys);
    }

    [Fact]
    public async Task EmailIsUniqueAcrossUsers()
    {
        var first = await _api.BuyerAsync();
        var second = await _api.BuyerAsync();
        var email = NewEmail("unique");
        await ApiDriver.ReadAsync<UserView>(await _api.PostAsync("/users", first, Profile("A", "One", email)), HttpStatusCode.Created);

        await ApiDriver.ProblemAsync(await _api.PostAsync("/users", second, Profile("B", "Two", email.ToUpperInvariant())), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task FilterIsForOrganizersAndValidatesItsQuery()
    {
        var organizer = await _api.OrganizerAsync();
        var company = "Filterco-" + Guid.NewGuid().ToString("N")[..8];
        var users = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            var user = await _api.BuyerAsync();
            users.Add(user);
            await ApiDriver.ReadAsync<UserView>(await _api.PostAsync("/users", user, Profile("U" + i, "Last" + i, NewEmail("f" + i), company, i % 2 == 0 ? "Lisbon" : "Porto")), HttpStatusCode.Created);
        }

        var page = await ApiDriver.ReadAsync<UserPage>(
            await _api.GetAsync($"/users/filter?company={company}&city=lisbon&sortBy=lastName&sortOrder=desc&page=1&pageSize=2", organizer), HttpStatusCode.OK);

        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.TotalPages);
        Assert.Equal(["Last4", "Last2"], page.Items.Select(i => i.LastName));
        await ApiDriver.ProblemAsync(await _api.GetAsync($"/users/filter?company={company}", users[0]), HttpStatusCode.Forbidden);
        var invalid = await ApiDriver.ProblemAsync(await _api.GetAsync("/users/filter?sortBy=shoeSize&pageSize=1000", organizer), HttpStatusCode.BadRequest);
        Assert.Contains("sortBy", invalid.Errors.Keys);
        Assert.Contains("pageSize", invalid.Errors.Keys);
    }

    [Fact]
    public async Task ConfirmedBookingCountsAttendanceAndItsEmailIsTrackedOnce()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var email = NewEmail("booker");
        await ApiDriver.ReadAsync<UserView>(await _api.PostAsync("/users", buyer, Profile("Grace", "Hopper", email)), HttpStatusCode.Created);
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var hold = await _api.HoldAsync(buyer, show.Id, new { quantity = 2 });

        var booking = await ApiDriver.ReadAsync<BookingView>(await _api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer), HttpStatusCode.Created);

        await Eventually.WaitUntilAsync(async () => (await MeAsync(buyer)).AttendedEventCount == 1, "the booking reaches the user grain");
        var emailId = "booking-" + booking.BookingId;
        await Eventually.WaitUntilAsync(async () => (await StatusAsync(emailId))?.GetProperty("status").GetString() == EmailStatuses.Sent, "the confirmation is sent");
        var received = Assert.Single(await SesEmailsToAsync(email));
        Assert.Equal($"Booking confirmed: {show.Title}", (string?)received["subject"]);
        var hosted = await ApiDriver.ReadAsync<JsonElement>(await _api.GetAsync($"/users/{organizer.Id}/events/hosted", organizer), HttpStatusCode.OK);
        Assert.Equal(show.Id, hosted.GetProperty("events")[0].GetProperty("eventId").GetString());

        // The open pixel is anonymous, answers a GIF every time, and marks the email opened once.
        for (var i = 0; i < 2; i++)
        {
            var pixel = await _api.GetAsync($"/track/open?emailId={emailId}", null);
            Assert.Equal(HttpStatusCode.OK, pixel.StatusCode);
            Assert.Equal("image/gif", pixel.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(EmailStatuses.Opened, (await StatusAsync(emailId))?.GetProperty("status").GetString());
        var stats = await ApiDriver.ReadAsync<EmailStats>(await _api.GetAsync("/users/me/email-stats", buyer), HttpStatusCode.OK);
        Assert.Equal((1, 1, 0), (stats.Sent, stats.Opened, stats.Failed));
        var me = await MeAsync(buyer);
        Assert.Equal((1, 1, 1, 0), (me.AttendedEventCount, me.BookingCount, (int)me.EmailsOpened, me.CancellationCount));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/track/open?emailId=nonsense", null)).StatusCode);
        await ApiDriver.ProblemAsync(await _api.GetAsync("/track/status/booking-unknown", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CampaignToFilteredUsersReachesExactlyThem()
    {
        var organizer = await _api.OrganizerAsync();
        var company = "Campaignco-" + Guid.NewGuid().ToString("N")[..8];
        var expected = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var user = await _api.BuyerAsync();
            var email = NewEmail("c" + i);
            if (i % 3 != 0) expected.Add(email);
            await ApiDriver.ReadAsync<UserView>(await _api.PostAsync("/users", user, Profile("C" + i, "User", email, company, i % 3 == 0 ? "Faro" : "Braga")), HttpStatusCode.Created);
        }

        var subject = "News for Braga " + company;
        var buyer = await _api.BuyerAsync();
        await ApiDriver.ProblemAsync(await _api.PostAsync("/emails/send-filtered", buyer, new { subject, message = "Hi", company }), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.PostAsync("/emails/send-filtered", organizer, new { subject = "", message = "Hi", company }), HttpStatusCode.BadRequest);

        var response = await _api.PostAsync("/emails/send-filtered", organizer, new { subject, message = "Hello Braga!", company, city = "Braga" });
        var started = await ApiDriver.ReadAsync<CampaignView>(response, HttpStatusCode.Accepted);

        Assert.Equal(4, started.Recipients);
        await Eventually.WaitUntilAsync(
            async () => (await ApiDriver.ReadAsync<CampaignView>(await _api.GetAsync(response.Headers.Location!.ToString(), organizer), HttpStatusCode.OK)).Status == "completed",
            "the campaign completes");
        var recipients = (await SesEmailsWithSubjectAsync(subject)).Select(e => (string)e["destination"]!["to"]![0]!);
        Assert.Equal(expected.Order(StringComparer.OrdinalIgnoreCase), recipients.Order(StringComparer.OrdinalIgnoreCase));
        var stats = await ApiDriver.ReadAsync<EmailStats>(await _api.GetAsync("/emails/stats", organizer), HttpStatusCode.OK);
        Assert.True(stats.Sent >= 4, $"at least this campaign's 4 emails are counted as sent, got {stats.Sent}");
    }

    private async Task<UserView> MeAsync(TestUser user) => await ApiDriver.ReadAsync<UserView>(await _api.GetAsync("/users/me", user), HttpStatusCode.OK);

    private async Task<JsonElement?> StatusAsync(string emailId)
    {
        var response = await _api.GetAsync($"/track/status/{emailId}", null);
        return response.StatusCode == HttpStatusCode.OK ? await ApiDriver.ReadAsync<JsonElement>(response, HttpStatusCode.OK) : null;
    }

    private static object Profile(string first, string last, string email, string? company = null, string? city = null) =>
        new { firstName = first, lastName = last, email, company, city, gender = "prefer_not_to_say" };

    private static string NewEmail(string name) => $"{name}.{Guid.NewGuid():N}@example.com";

    private static async Task<IReadOnlyList<JsonNode>> SesEmailsToAsync(string recipient) =>
        (await SesStoreAsync()).Where(e => e["destination"]!["to"]!.AsArray().Any(t => string.Equals((string?)t, recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    private static async Task<IReadOnlyList<JsonNode>> SesEmailsWithSubjectAsync(string subject) =>
        (await SesStoreAsync()).Where(e => (string?)e["subject"] == subject).ToList();

    private static async Task<IEnumerable<JsonNode>> SesStoreAsync()
    {
        using var http = new HttpClient();
        var store = JsonNode.Parse(await http.GetStringAsync(new Uri(await LocalAws.SesAsync(), "/store")))!;
        return store["emails"]!.AsArray().Select(e => e!);
    }
}
