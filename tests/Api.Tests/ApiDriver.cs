using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http;

namespace Api.Tests;

public sealed record TestUser(string Id, string Token);

/// <summary>Talks to the API as a client would: JSON over HTTP with a bearer token.</summary>
public sealed class ApiDriver(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task<TestUser> UserAsync(string prefix, params string[] roles)
    {
        var id = NewId(prefix);
        var response = await http.PostAsJsonAsync("/dev/token", new { userId = id, roles }, Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return new TestUser(id, body.GetProperty("token").GetString()!);
    }

    public Task<TestUser> OrganizerAsync() => UserAsync("org", "organizer");

    public Task<TestUser> BuyerAsync() => UserAsync("buyer");

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, TestUser? user, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (user is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        if (body is string raw) request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, TestUser? user, object? body = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, user, body, idempotencyKey);

    public Task<HttpResponseMessage> GetAsync(string path, TestUser? user) => SendAsync(HttpMethod.Get, path, user);

    public static object VenueBody(int rows, int seatsPerRow, string? name = null) => new
    {
        name = name ?? NewId("Hall"),
        city = "Lisbon",
        sections = new[]
        {
            new
            {
                name = "Floor",
                seatType = "standard",
                rows = Enumerable.Range(0, rows).Select(r => new { name = ((char)('A' + r % 26)).ToString() + (r / 26 == 0 ? "" : (r / 26).ToString()), seats = seatsPerRow }).ToArray(),
            },
        },
    };

    public static Dictionary<string, object?> EventBody(string? venueId = null, int? capacity = null, int maxSeatsPerHold = 10, int? holdTtlSeconds = null) => new()
    {
        ["slug"] = NewId("show"),
        ["title"] = "A show",
        ["venueId"] = venueId,
        ["capacity"] = capacity,
        ["startAt"] = DateTimeOffset.UtcNow.AddDays(30),
        ["endAt"] = DateTimeOffset.UtcNow.AddDays(30).AddHours(3),
        ["prices"] = new Dictionary<string, decimal> { ["default"] = 25m },
        ["currency"] = "EUR",
        ["maxSeatsPerHold"] = maxSeatsPerHold,
        ["holdTtlSeconds"] = holdTtlSeconds,
    };

    public async Task<Venue> CreateVenueAsync(TestUser organizer, int rows, int seatsPerRow)
    {
        var response = await PostAsync("/venues", organizer, VenueBody(rows, seatsPerRow));
        return await ReadAsync<Venue>(response, HttpStatusCode.Created);
    }

    /// <summary>An on-sale event with reserved seating on a fresh venue.</summary>
    public async Task<EventDetails> CreateSeatedEventAsync(TestUser organizer, int rows, int seatsPerRow, int maxSeatsPerHold = 10, int? holdTtlSeconds = null)
    {
        var venue = await CreateVenueAsync(organizer, rows, seatsPerRow);
        var response = await PostAsync("/events", organizer, EventBody(venue.Id, maxSeatsPerHold: maxSeatsPerHold, holdTtlSeconds: holdTtlSeconds));
        return await ReadAsync<EventDetails>(response, HttpStatusCode.Created);
    }

    public async Task<HoldView> HoldAsync(TestUser buyer, string eventId, object body)
    {
        var response = await PostAsync($"/events/{eventId}/holds", buyer, body);
        return await ReadAsync<HoldView>(response, HttpStatusCode.Created);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem with this status and returns it.</summary>
    public static async Task<HttpValidationProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<HttpValidationProblemDetails>(text, Json)!;
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title), "A problem names itself in its title.");
        return problem;
    }
}
