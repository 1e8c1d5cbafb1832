using System.Net;
using Grains.Abstractions;
using TestKit;

namespace Api.Tests.Catalogue;

/// <summary>CRM attendees, event deletion and host changes keep the users' counters exact, also when requests are repeated.</summary>
public sealed class AttendeesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly CatalogueDriver _catalogue = new(factory.CreateDriver());

    private ApiDriver Api => _catalogue.Api;

    [Fact]
    public async Task AnAttendeeIsCountedOnceAndRemovingThemCountsBack()
    {
        var organizer = await Api.OrganizerAsync();
        var admin = await Api.UserAsync("admin", "admin");
        var attendee = await ContactAsync(admin);
        var show = await _catalogue.CreateAsync(organizer, CatalogueDriver.NewCity(), "Meetup");
        var other = await _catalogue.CreateAsync(organizer, CatalogueDriver.NewCity(), "Other Meetup");

        var first = await Api.PostAsync($"/events/{show.Id}/attendees/{attendee}", organizer);
        var again = await Api.PostAsync($"/events/{show.Id}/attendees/{attendee}", organizer);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal($"/events/{show.Id}/attendees/{attendee}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/events/{other.Id}/attendees/{attendee}", admin)).StatusCode);
        await AttendedEventuallyAsync(admin, attendee, 2);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/events/{show.Id}/attendees/{attendee}", organizer)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/events/{show.Id}/attendees/{attendee}", organizer)).StatusCode);
        await AttendedEventuallyAsync(admin, attendee, 1);

        await ApiDriver.ProblemAsync(await Api.PostAsync($"/events/{show.Id}/attendees/{attendee}", await Api.OrganizerAsync()), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await Api.PostAsync($"/events/nope-{Guid.NewGuid():N}/attendees/{attendee}", admin), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingAnEventDropsItsHostsAndAttendeesCountsByExactlyOne()
    {
        var admin = await Api.UserAsync("admin", "admin");
        var organizer = await Api.OrganizerAsync();
        var host = await ContactAsync(admin);
        var attendee = await ContactAsync(admin);
        await ApiDriver.ReadAsync<UserView>(await Api.PostAsync("/users", organizer, Profile(organizer.Id)), HttpStatusCode.Created);
        var body = ApiDriver.EventBody(capacity: 10);
        body["hostIds"] = new[] { host };
        var show = await ApiDriver.ReadAsync<EventDetails>(await Api.PostAsync("/events", organizer, body), HttpStatusCode.Created);
        body["slug"] = ApiDriver.NewId("kept");
        var kept = await ApiDriver.ReadAsync<EventDetails>(await Api.PostAsync("/events", organizer, body), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/events/{show.Id}/attendees/{attendee}", organizer)).StatusCode);
        await CountsEventuallyAsync(admin, host, hosted: 2, attended: 0);
        await CountsEventuallyAsync(admin, attendee, hosted: 0, attended: 1);
        await CountsEventuallyAsync(admin, organizer.Id, hosted: 2, attended: 0);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/events/{show.Id}", organizer)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/events/{show.Id}", organizer)).StatusCode);

        await CountsEventuallyAsync(admin, host, hosted: 1, attended: 0);
        await CountsEventuallyAsync(admin, attendee, hosted: 0, attended: 0);
        await CountsEventuallyAsync(admin, organizer.Id, hosted: 1, attended: 0);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"/events/{show.Id}", organizer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync($"/events/{kept.Id}", organizer)).StatusCode);
    }

    [Fact]
    public async Task AnEventWithBookingsCannotBeDeleted()
    {
        var organizer = await Api.OrganizerAsync();
        var buyer = await Api.BuyerAsync();
        var show = await Api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 4);
        var hold = await Api.HoldAsync(buyer, show.Id, new { quantity = 1 });
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer, new { })).StatusCode);

        await ApiDriver.ProblemAsync(await Api.SendAsync(HttpMethod.Delete, $"/events/{show.Id}", organizer), HttpStatusCode.Conflict);
        await ApiDriver.ProblemAsync(await Api.SendAsync(HttpMethod.Delete, $"/events/{show.Id}", buyer), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync($"/events/{show.Id}", buyer)).StatusCode);
    }

    [Fact]
    public async Task ChangingHostIdsMovesTheCountsOfExactlyTheHostsAddedAndRemoved()
    {
        var admin = await Api.UserAsync("admin", "admin");
        var organizer = await Api.OrganizerAsync();
        var (stays, leaves, joins) = (await ContactAsync(admin), await ContactAsync(admin), await ContactAsync(admin));
        var body = ApiDriver.EventBody(capacity: 10);
        body.Remove("venueId");
        body["hostIds"] = new[] { stays, leaves };
        var show = await ApiDriver.ReadAsync<EventDetails>(await Api.PostAsync("/events", organizer, body), HttpStatusCode.Created);
        await CountsEventuallyAsync(admin, leaves, hosted: 1, attended: 0);

        body.Remove("capacity");
        body.Remove("draft");
        body["hostIds"] = new[] { stays, joins };
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(HttpMethod.Put, $"/events/{show.Id}", organizer, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(HttpMethod.Put, $"/events/{show.Id}", organizer, body)).StatusCode);

        await CountsEventuallyAsync(admin, joins, hosted: 1, attended: 0);
        await CountsEventuallyAsync(admin, leaves, hosted: 0, attended: 0);
        await CountsEventuallyAsync(admin, stays, hosted: 1, attended: 0);
    }

    private async Task<string> ContactAsync(TestUser admin)
    {
        var created = await ApiDriver.ReadAsync<UserView>(await Api.PostAsync("/users", admin, Profile(null)), HttpStatusCode.Created);
        return created.Id;
    }

    private static object Profile(string? id) => new { id, firstName = "Contact", lastName = "Person", email = $"c.{Guid.NewGuid():N}@example.com" };

    private Task AttendedEventuallyAsync(TestUser admin, string userId, int attended) =>
        Eventually.WaitUntilAsync(async () => (await UserAsync(admin, userId)).AttendedEventCount == attended, $"user {userId} attended {attended} events");

    private Task CountsEventuallyAsync(TestUser admin, string userId, int hosted, int attended) =>
        Eventually.WaitUntilAsync(async () => await UserAsync(admin, userId) is var u && u.HostedEventCount == hosted && u.AttendedEventCount == attended, $"user {userId} hosts {hosted} and attended {attended} events");

    private async Task<UserView> UserAsync(TestUser admin, string userId) =>
        await ApiDriver.ReadAsync<UserView>(await Api.GetAsync($"/users/{userId}", admin), HttpStatusCode.OK);
}
