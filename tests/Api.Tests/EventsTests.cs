using System.Net;
using Grains.Abstractions;

namespace Api.Tests;

public sealed class EventsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task OrganizerCreatesAVenueWithItsCapacityAndLocation()
    {
        var organizer = await _api.OrganizerAsync();

        var response = await _api.PostAsync("/venues", organizer, ApiDriver.VenueBody(rows: 3, seatsPerRow: 12));

        var venue = await ApiDriver.ReadAsync<Venue>(response, HttpStatusCode.Created);
        Assert.Equal(36, venue.Capacity);
        Assert.Equal(organizer.Id, venue.OwnerId);
        Assert.Equal($"/venues/{venue.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(venue.Id, (await ApiDriver.ReadAsync<Venue>(await _api.GetAsync($"/venues/{venue.Id}", organizer), HttpStatusCode.OK)).Id);
    }

    [Fact]
    public async Task RetryingAVenueWithTheSameIdempotencyKeyReachesTheSameVenue()
    {
        var organizer = await _api.OrganizerAsync();
        var body = ApiDriver.VenueBody(rows: 1, seatsPerRow: 5);

        var first = await ApiDriver.ReadAsync<Venue>(await _api.PostAsync("/venues", organizer, body, idempotencyKey: "venue-1"), HttpStatusCode.Created);
        var retry = await _api.PostAsync("/venues", organizer, body, idempotencyKey: "venue-1");

        Assert.True(retry.IsSuccessStatusCode, $"Got {(int)retry.StatusCode}.");
        Assert.Equal(first.Id, (await ApiDriver.ReadAsync<Venue>(retry, retry.StatusCode)).Id);
        var other = await ApiDriver.ReadAsync<Venue>(await _api.PostAsync("/venues", organizer, body, idempotencyKey: "venue-2"), HttpStatusCode.Created);
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public async Task OrganizerCreatesAnEventAndAnyoneReadsItByIdAndBySlug()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var venue = await _api.CreateVenueAsync(organizer, rows: 2, seatsPerRow: 10);
        var body = ApiDriver.EventBody(venue.Id);

        var response = await _api.PostAsync("/events", organizer, body);

        var created = await ApiDriver.ReadAsync<EventDetails>(response, HttpStatusCode.Created);
        Assert.Equal($"/events/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(body["slug"], created.Slug);
        Assert.Equal(20, created.Capacity);
        Assert.Equal(organizer.Id, created.OwnerId);
        Assert.False(created.GeneralAdmission);

        var byId = await ApiDriver.ReadAsync<EventDetails>(await _api.GetAsync($"/events/{created.Id}", buyer), HttpStatusCode.OK);
        var bySlug = await ApiDriver.ReadAsync<EventDetails>(await _api.GetAsync($"/events/slug/{created.Slug}", buyer), HttpStatusCode.OK);
        Assert.Equal(created.Id, byId.Id);
        Assert.Equal(created.Id, bySlug.Id);
    }

    [Fact]
    public async Task GeneralAdmissionEventHasACapacityAndNoSeatMap()
    {
        var organizer = await _api.OrganizerAsync();

        var created = await ApiDriver.ReadAsync<EventDetails>(await _api.PostAsync("/events", organizer, ApiDriver.EventBody(capacity: 250)), HttpStatusCode.Created);

        Assert.True(created.GeneralAdmission);
        var availability = await ApiDriver.ReadAsync<Availability>(await _api.GetAsync($"/events/{created.Id}/availability", organizer), HttpStatusCode.OK);
        Assert.Equal(new Availability { Capacity = 250, Available = 250, Held = 0, Booked = 0 }, availability);
    }

    [Fact]
    public async Task UnknownEventAndSlugAre404Problems()
    {
        var buyer = await _api.BuyerAsync();

        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{Guid.NewGuid():N}", buyer), HttpStatusCode.NotFound);
        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/slug/{ApiDriver.NewId("nothing")}", buyer), HttpStatusCode.NotFound);
        await ApiDriver.ProblemAsync(await _api.GetAsync("/events/slug/Not_A_Slug", buyer), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TakenSlugIsAConflict()
    {
        var organizer = await _api.OrganizerAsync();
        var first = ApiDriver.EventBody(capacity: 10);
        await ApiDriver.ReadAsync<EventDetails>(await _api.PostAsync("/events", organizer, first), HttpStatusCode.Created);
        var second = ApiDriver.EventBody(capacity: 10);
        second["slug"] = first["slug"];

        await ApiDriver.ProblemAsync(await _api.PostAsync("/events", organizer, second), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OnlyTheOwnerChangesAnEventOrReadsItsAnalytics()
    {
        var owner = await _api.OrganizerAsync();
        var rival = await _api.OrganizerAsync();
        var admin = await _api.UserAsync("admin", "admin");
        var body = ApiDriver.EventBody(capacity: 40);
        var created = await ApiDriver.ReadAsync<EventDetails>(await _api.PostAsync("/events", owner, body), HttpStatusCode.Created);
        var update = new Dictionary<string, object?>(body.Where(p => p.Key is not ("venueId" or "capacity"))) { ["title"] = "Renamed show" };

        await ApiDriver.ProblemAsync(await _api.SendAsync(HttpMethod.Put, $"/events/{created.Id}", rival, update), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{created.Id}/analytics", rival), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.PostAsync($"/events/{created.Id}/cancel", rival), HttpStatusCode.Forbidden);

        var updated = await ApiDriver.ReadAsync<EventDetails>(await _api.SendAsync(HttpMethod.Put, $"/events/{created.Id}", owner, update), HttpStatusCode.OK);
        Assert.Equal("Renamed show", updated.Title);
        var analytics = await ApiDriver.ReadAsync<EventAnalytics>(await _api.GetAsync($"/events/{created.Id}/analytics", admin), HttpStatusCode.OK);
        Assert.Equal(40, analytics.Capacity);
    }

    [Fact]
    public async Task DraftIsHiddenFromBuyersUntilPublished()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var body = ApiDriver.EventBody(capacity: 10);
        body["draft"] = true;
        var draft = await ApiDriver.ReadAsync<EventDetails>(await _api.PostAsync("/events", organizer, body), HttpStatusCode.Created);

        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{draft.Id}", buyer), HttpStatusCode.NotFound);
        await ApiDriver.ProblemAsync(await _api.PostAsync($"/events/{draft.Id}/holds", buyer, new { quantity = 1 }), HttpStatusCode.Conflict);

        var published = await ApiDriver.ReadAsync<EventDetails>(await _api.PostAsync($"/events/{draft.Id}/publish", organizer), HttpStatusCode.OK);
        Assert.NotEqual(draft.Status, published.Status);
        await ApiDriver.ReadAsync<EventDetails>(await _api.GetAsync($"/events/{draft.Id}", buyer), HttpStatusCode.OK);
        await ApiDriver.ReadAsync<HoldView>(await _api.PostAsync($"/events/{draft.Id}/holds", buyer, new { quantity = 1 }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task InvalidEventLeavesNoTrace()
    {
        var organizer = await _api.OrganizerAsync();
        var body = ApiDriver.EventBody(capacity: 10);
        body["currency"] = "euros";

        await ApiDriver.ProblemAsync(await _api.PostAsync("/events", organizer, body), HttpStatusCode.BadRequest);

        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/slug/{body["slug"]}", organizer), HttpStatusCode.NotFound);
        body["currency"] = "EUR";
        await ApiDriver.ReadAsync<EventDetails>(await _api.PostAsync("/events", organizer, body), HttpStatusCode.Created);
    }
}
