using System.Net;
using System.Text;

namespace Api.Tests;

/// <summary>Bad requests are refused with 4xx problem details before any grain is called.</summary>
public sealed class ValidationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Theory]
    [InlineData("{\"quantity\": 2", "Malformed JSON")]
    [InlineData("{quantity: 2}", "Malformed JSON")]
    [InlineData("not json", "Malformed JSON")]
    [InlineData("[1, 2]", "Invalid JSON value")]
    public async Task MalformedJsonIsA400Problem(string body, string title)
    {
        var buyer = await _api.BuyerAsync();

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/events/any/holds", buyer, body), HttpStatusCode.BadRequest);

        Assert.Equal(title, problem.Title);
    }

    [Fact]
    public async Task UnknownPropertyIsRefusedByName()
    {
        var buyer = await _api.BuyerAsync();

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/events/any/holds", buyer, "{\"quantity\": 2, \"qty\": 3}"), HttpStatusCode.BadRequest);

        Assert.Equal("Unknown property", problem.Title);
        Assert.Contains("'qty'", problem.Detail);
        Assert.DoesNotContain("Api.", problem.Detail);
    }

    [Fact]
    public async Task WronglyTypedValueIsA400Problem()
    {
        var buyer = await _api.BuyerAsync();

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/events/any/holds", buyer, "{\"quantity\": \"lots\"}"), HttpStatusCode.BadRequest);

        Assert.Equal("Invalid JSON value", problem.Title);
        Assert.Contains("$.quantity", problem.Detail);
    }

    [Theory]
    [InlineData("{\"quantity\": -1}", "quantity")]
    [InlineData("{\"quantity\": 0}", "quantity")]
    [InlineData("{\"quantity\": 101}", "quantity")]
    [InlineData("{}", "seats")]
    [InlineData("{\"quantity\": 1, \"seats\": [\"Floor:A:1\"]}", "seats")]
    [InlineData("{\"seats\": []}", "seats")]
    [InlineData("{\"seats\": [\"Floor:A:1\", \"Floor:A:1\"]}", "seats[1]")]
    [InlineData("{\"seats\": [\"Floor:A:1\"], \"section\": \"Floor\"}", "section")]
    [InlineData("{\"quantity\": 1, \"ttlSeconds\": 5}", "ttlSeconds")]
    public async Task InvalidHoldRequestIsAValidationProblem(string body, string field)
    {
        var buyer = await _api.BuyerAsync();

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/events/any/holds", buyer, body), HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
    }

    [Fact]
    public async Task MoreThanAHundredSeatsInOneRequestAreRefused()
    {
        var buyer = await _api.BuyerAsync();
        var seats = Enumerable.Range(1, 101).Select(n => $"Floor:A:{n}").ToArray();

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/events/any/holds", buyer, new { seats }), HttpStatusCode.BadRequest);

        Assert.Contains("seats", problem.Errors.Keys);
    }

    [Fact]
    public async Task MissingBodyIsAValidationProblem()
    {
        var buyer = await _api.BuyerAsync();

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/events/any/holds", buyer), HttpStatusCode.BadRequest);

        Assert.Contains("body", problem.Errors.Keys);
    }

    [Theory]
    [InlineData("endAt", "startAt")]
    [InlineData("endAt", "sameAsStart")]
    public async Task EventEndingBeforeItStartsIsRefused(string field, string endKind)
    {
        var organizer = await _api.OrganizerAsync();
        var body = ApiDriver.EventBody(capacity: 10);
        var start = (DateTimeOffset)body["startAt"]!;
        body["endAt"] = endKind == "sameAsStart" ? start : start.AddHours(-1);

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/events", organizer, body), HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
    }

    [Theory]
    [InlineData("slug", "Not A Slug")]
    [InlineData("slug", "-leading-hyphen")]
    [InlineData("currency", "eur")]
    [InlineData("currency", "EURO")]
    [InlineData("holdTtlSeconds", 9)]
    [InlineData("holdTtlSeconds", 3601)]
    [InlineData("maxSeatsPerHold", 0)]
    [InlineData("maxSeatsPerHold", 101)]
    [InlineData("title", "")]
    [InlineData("title", null)]
    [InlineData("startAt", null)]
    [InlineData("capacity", 0)]
    public async Task InvalidEventFieldIsNamedInTheProblem(string field, object? value)
    {
        var organizer = await _api.OrganizerAsync();
        var body = ApiDriver.EventBody(capacity: 10);
        body[field] = value;

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/events", organizer, body), HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
    }

    [Fact]
    public async Task NegativePriceIsRefused()
    {
        var organizer = await _api.OrganizerAsync();
        var body = ApiDriver.EventBody(capacity: 10);
        body["prices"] = new Dictionary<string, decimal> { ["default"] = 10m, ["vip"] = -1m };

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/events", organizer, body), HttpStatusCode.BadRequest);

        Assert.Contains("prices.vip", problem.Errors.Keys);
    }

    [Fact]
    public async Task EventNeedsExactlyOneOfVenueAndCapacity()
    {
        var organizer = await _api.OrganizerAsync();

        var both = await _api.PostAsync("/events", organizer, ApiDriver.EventBody(venueId: "v1", capacity: 10));
        var neither = await _api.PostAsync("/events", organizer, ApiDriver.EventBody());

        Assert.Contains("venueId", (await ApiDriver.ProblemAsync(both, HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Contains("venueId", (await ApiDriver.ProblemAsync(neither, HttpStatusCode.BadRequest)).Errors.Keys);
    }

    [Theory]
    [InlineData("{\"name\": \"Hall\", \"sections\": []}", "sections")]
    [InlineData("{\"name\": \"Hall\"}", "sections")]
    [InlineData("{\"name\": \"\", \"sections\": [{\"name\": \"S\", \"rows\": [{\"name\": \"A\", \"seats\": 1}]}]}", "name")]
    [InlineData("{\"name\": \"Hall\", \"sections\": [{\"name\": \"S:1\", \"rows\": [{\"name\": \"A\", \"seats\": 1}]}]}", "sections[0].name")]
    [InlineData("{\"name\": \"Hall\", \"sections\": [{\"name\": \"S\", \"rows\": []}]}", "sections[0].rows")]
    [InlineData("{\"name\": \"Hall\", \"sections\": [{\"name\": \"S\", \"rows\": [{\"name\": \"A\", \"seats\": 0}]}]}", "sections[0].rows[0].seats")]
    [InlineData("{\"name\": \"Hall\", \"sections\": [{\"name\": \"S\", \"rows\": [{\"name\": \"A\", \"seats\": 10001}]}]}", "sections[0].rows[0].seats")]
    [InlineData("{\"name\": \"Hall\", \"sections\": [{\"name\": \"S\", \"rows\": [{\"name\": \"A:B\", \"seats\": 5}]}]}", "sections[0].rows[0].name")]
    [InlineData("{\"name\": \"Hall\", \"sections\": [{\"name\": \"S\", \"rows\": [{\"name\": \"A\", \"seats\": 5}, {\"name\": \"A\", \"seats\": 5}]}]}", "sections[0].rows[1].name")]
    public async Task InvalidVenueIsAValidationProblem(string body, string field)
    {
        var organizer = await _api.OrganizerAsync();

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync("/venues", organizer, body), HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
    }

    [Fact]
    public async Task OversizedBodyIsA413Problem()
    {
        var organizer = await _api.OrganizerAsync();
        var body = "{\"name\": \"" + new string('x', 1_100_000) + "\"}";

        await ApiDriver.ProblemAsync(await _api.PostAsync("/venues", organizer, body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task EachEndpointHasItsOwnBodyLimit()
    {
        var organizer = await _api.OrganizerAsync();
        var eventId = (await ApiDriver.ReadAsync<Grains.Abstractions.EventDetails>(await _api.PostAsync("/events", organizer, ApiDriver.EventBody(capacity: 10)), HttpStatusCode.Created)).Id;
        var padded = "{\"quantity\": 1, \"pad\": \"" + new string('x', 20_000) + "\"}";

        var hold = await ApiDriver.ProblemAsync(await _api.PostAsync($"/events/{eventId}/holds", organizer, padded), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("16384", hold.Detail, StringComparison.Ordinal);
        // The same size is fine for a venue, whose seat maps are large; it fails on the unknown field instead.
        await ApiDriver.ProblemAsync(await _api.PostAsync("/venues", organizer, padded), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OversizedChunkedBodyIsRefusedToo()
    {
        var organizer = await _api.OrganizerAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/venues")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"name\": \"" + new string('x', 1_100_000) + "\"}"))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Bearer", organizer.Token);

        var response = await _api.Http.SendAsync(request);

        Assert.True((int)response.StatusCode is 413 or 400, $"Got {(int)response.StatusCode}.");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("key with \u00e9")]
    [InlineData("\u00fcber")]
    public async Task InvalidIdempotencyKeyIsA400Problem(string key)
    {
        var buyer = await _api.BuyerAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/events/any/holds") { Content = new StringContent("{\"quantity\": 1}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", buyer.Token);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var problem = await ApiDriver.ProblemAsync(await _api.Http.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal("Invalid Idempotency-Key", problem.Title);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("a", true)]
    [InlineData("order 42 / retry ~!", true)]
    [InlineData("tab\there", false)]
    [InlineData("caf\u00e9", false)]
    public void IdempotencyKeysAreOneToTwoHundredPrintableAsciiCharacters(string key, bool valid)
    {
        Assert.Equal(valid, Requests.IdempotencyKeys.IsValidKey(key));
        Assert.True(Requests.IdempotencyKeys.IsValidKey(new string('k', 200)));
        Assert.False(Requests.IdempotencyKeys.IsValidKey(new string('k', 201)));
    }

    [Fact]
    public async Task TooLongIdempotencyKeyIsA400Problem()
    {
        var buyer = await _api.BuyerAsync();

        var response = await _api.PostAsync("/events/any/holds", buyer, "{\"quantity\": 1}", idempotencyKey: new string('k', 201));

        await ApiDriver.ProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
