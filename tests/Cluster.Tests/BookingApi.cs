using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Abstractions;
using TestKit;

namespace Cluster.Tests;

/// <summary>One answer of the API: the status (0 when the request failed at transport level) and the body.</summary>
public sealed record ApiAnswer<T>(int Status, T? Value, string Body, Exception? TransportError)
{
    public TimeSpan Latency { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsServerError => Status >= 500;

    public bool TransportFailed => TransportError is not null;

    public string Describe() => TransportError is not null ? $"transport failure: {TransportError.GetType().Name}: {TransportError.Message}" : $"{Status} {Body}";
}

/// <summary>The calls of the HTTP API the cluster tests make, typed with the contract records.</summary>
public sealed class BookingApi(HttpClient http)
{
    private static readonly JsonSerializerOptions _json = ClusterProcesses.JsonOptions;

    public async Task<string> CreateVenueAsync(string token, int rows, int seatsPerRow)
    {
        var body = new
        {
            name = "Cluster hall",
            city = "Testville",
            sections = new[]
            {
                new { name = "A", rows = Enumerable.Range(1, rows).Select(r => new { name = $"R{r}", seats = seatsPerRow }).ToArray() },
            },
        };
        var answer = await SendAsync<Venue>(HttpMethod.Post, "/venues", token, body);
        if (answer.Status != 201 || answer.Value is null) throw new InvalidOperationException($"POST /venues: {answer.Describe()}");
        return answer.Value.Id;
    }

    public async Task<string> CreateEventAsync(string token, string venueId, string slug, int holdTtlSeconds, int maxSeatsPerHold = 10)
    {
        var startAt = DateTimeOffset.UtcNow.AddDays(30);
        var body = new
        {
            slug,
            title = $"Cluster test {slug}",
            venueId,
            startAt,
            endAt = startAt.AddHours(3),
            prices = new Dictionary<string, decimal> { ["default"] = 25m },
            holdTtlSeconds,
            maxSeatsPerHold,
        };
        var answer = await SendAsync<EventDetails>(HttpMethod.Post, "/events", token, body);
        if (answer.Status != 201 || answer.Value is null) throw new InvalidOperationException($"POST /events ({slug}): {answer.Describe()}");
        return answer.Value.Id;
    }

    /// <summary>Creates <paramref name="count"/> events on one venue, a few at a time.</summary>
    public async Task<IReadOnlyList<string>> CreateEventsAsync(string token, string venueId, string prefix, int count, int holdTtlSeconds)
    {
        var ids = new string[count];
        var run = Guid.NewGuid().ToString("N")[..6];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => ids[i] = await CreateEventAsync(token, venueId, $"{prefix}-{run}-{i}", holdTtlSeconds));
        return ids;
    }

    public Task<ApiAnswer<HoldView>> PlaceHoldAsync(string token, string eventId, int quantity) =>
        SendAsync<HoldView>(HttpMethod.Post, $"/events/{eventId}/holds", token, new { quantity });

    public Task<ApiAnswer<BookingView>> ConfirmAsync(string token, string eventId, string holdId) =>
        SendAsync<BookingView>(HttpMethod.Post, $"/events/{eventId}/holds/{holdId}/confirm", token, new { });

    public Task<ApiAnswer<HoldView>> GetHoldAsync(string token, string eventId, string holdId) =>
        SendAsync<HoldView>(HttpMethod.Get, $"/events/{eventId}/holds/{holdId}", token);

    public Task<ApiAnswer<BookingView>> GetBookingAsync(string token, string eventId, string bookingId) =>
        SendAsync<BookingView>(HttpMethod.Get, $"/events/{eventId}/bookings/{bookingId}", token);

    public Task<ApiAnswer<Availability>> GetAvailabilityAsync(string token, string eventId) =>
        SendAsync<Availability>(HttpMethod.Get, $"/events/{eventId}/availability", token);

    public Task<ApiAnswer<SeatList>> GetSeatsAsync(string token, string eventId) =>
        SendAsync<SeatList>(HttpMethod.Get, $"/events/{eventId}/seats", token);

    /// <summary>Never throws for an HTTP or transport failure: the answer says what happened.</summary>
    public async Task<ApiAnswer<T>> SendAsync<T>(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, options: _json);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var value = status is >= 200 and < 300 && text.Length > 0 ? JsonSerializer.Deserialize<T>(text, _json) : default;
            return new ApiAnswer<T>(status, value, text, null) { Latency = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new ApiAnswer<T>(0, default, "", e) { Latency = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
        }
    }
}
