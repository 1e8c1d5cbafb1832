using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LoadTest.Metrics;

namespace LoadTest.Http;

/// <summary>Typed calls to the booking API over one shared <see cref="HttpClient"/>.</summary>
internal sealed class ApiClient(HttpClient http)
{
    private const string JsonMediaType = "application/json";
    private static readonly byte[] s_emptyConfirmBody = "{}"u8.ToArray();
    private static readonly ApiJsonContext s_json = ApiJsonContext.Default;

    public HttpClient Http => http;

    public static string BearerValue(string token) => "Bearer " + token;

    // ---- setup (not measured; failures are fatal) ----

    public async Task<string> CreateTokenAsync(string userId, string[] roles, CancellationToken ct)
    {
        var body = Serialize(new TokenRequest { UserId = userId, Roles = roles }, s_json.TokenRequest);
        var response = await SendForValueAsync(HttpMethod.Post, "dev/token", null, body, s_json.TokenResponse, "POST /dev/token", ct);
        return response.Token ?? throw new ApiCallException("POST /dev/token returned no token");
    }

    public Task<VenueResponse> CreateVenueAsync(string authorization, VenueRequest venue, CancellationToken ct) =>
        SendForValueAsync(HttpMethod.Post, "venues", authorization, Serialize(venue, s_json.VenueRequest), s_json.VenueResponse, "POST /venues", ct);

    public Task<EventResponse> CreateEventAsync(string authorization, EventRequest request, CancellationToken ct) =>
        SendForValueAsync(HttpMethod.Post, "events", authorization, Serialize(request, s_json.EventRequest), s_json.EventResponse, "POST /events", ct);

    public Task<SeatsResponse> GetSeatsAsync(string authorization, EventTarget target, CancellationToken ct) =>
        SendForValueAsync(HttpMethod.Get, $"events/{target.EscapedId}/seats", authorization, null, s_json.SeatsResponse, "GET /events/{id}/seats", ct);

    public Task<AvailabilityResponse> GetAvailabilityAsync(string authorization, EventTarget target, CancellationToken ct) =>
        SendForValueAsync(HttpMethod.Get, $"events/{target.EscapedId}/availability", authorization, null, s_json.AvailabilityResponse, "GET /events/{id}/availability", ct);

    public Task<ApiResult<BookingResponse>> GetBookingAsync(string authorization, EventTarget target, string bookingId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"events/{target.EscapedId}/bookings/{Uri.EscapeDataString(bookingId)}", authorization, null, s_json.BookingResponse, ct);

    public Task<ApiResult<TicketListResponse>> GetTicketsAsync(string authorization, EventTarget target, string bookingId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"events/{target.EscapedId}/bookings/{Uri.EscapeDataString(bookingId)}/tickets", authorization, null, s_json.TicketListResponse, ct);

    public Task<CheckInStatsResponse> GetCheckInStatsAsync(string authorization, EventTarget target, CancellationToken ct) =>
        SendForValueAsync(HttpMethod.Get, $"{target.CheckInsPath}/stats", authorization, null, s_json.CheckInStatsResponse, "GET /events/{id}/check-ins/stats", ct);

    // ---- measured operations ----

    public static byte[] QuantityHoldBody(int quantity) => Serialize(new HoldRequest { Quantity = quantity }, s_json.HoldRequest);

    public static byte[] ExplicitHoldBody(string[] seats) => Serialize(new HoldRequest { Seats = seats }, s_json.HoldRequest);

    public Task<ApiResult<HoldResponse>> HoldAsync(string authorization, EventTarget target, byte[] body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, target.HoldsPath, authorization, body, s_json.HoldResponse, ct);

    /// <summary>A hold that can be retried after a lost answer: the API replays the hold it placed for <paramref name="idempotencyKey"/>.</summary>
    public Task<ApiResult<HoldResponse>> HoldAsync(string authorization, EventTarget target, byte[] body, string idempotencyKey, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, target.HoldsPath, authorization, body, s_json.HoldResponse, ct, idempotencyKey);

    public Task<ApiResult<BookingResponse>> ConfirmAsync(string authorization, EventTarget target, string holdId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, target.ConfirmPath(holdId), authorization, s_emptyConfirmBody, s_json.BookingResponse, ct);

    public Task<ApiResult<object>> ReleaseAsync(string authorization, EventTarget target, string holdId, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, target.HoldPath(holdId), authorization, null, null, ct);

    public static byte[] CheckInBody(string code, string gate) => Serialize(new CheckInRequest { Code = code, Gate = gate }, s_json.CheckInRequest);

    public Task<ApiResult<CheckInResponse>> CheckInAsync(string authorization, EventTarget target, byte[] body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, target.CheckInsPath, authorization, body, s_json.CheckInResponse, ct);

    public Task<ApiResult<object>> HealthAsync(string path, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Get, path, null, null, null, ct);

    // ---- plumbing ----

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private static HttpRequestMessage BuildRequest(HttpMethod method, string path, string? authorization, byte[]? body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", JsonMediaType);
            request.Content = content;
        }

        return request;
    }

    /// <summary>
    /// Sends a request and classifies the answer. Transport failures (and timeouts, and unparseable
    /// success bodies) are reported as <see cref="Outcome.Transport"/>, never thrown; cancellation of
    /// <paramref name="ct"/> is thrown.
    /// </summary>
    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, string? authorization, byte[]? body, JsonTypeInfo<T>? typeInfo, CancellationToken ct, string? idempotencyKey = null)
        where T : class
    {
        using var request = BuildRequest(method, path, authorization, body, idempotencyKey);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var outcome = OutcomeClassifier.FromStatus(status);
            if (outcome == Outcome.Ok)
            {
                if (typeInfo is null || status == (int)HttpStatusCode.NoContent)
                {
                    return new ApiResult<T>(status, outcome, null);
                }

                var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, ct).ConfigureAwait(false);
                return new ApiResult<T>(status, outcome, value);
            }

            var retryAfter = RetryAfter(response);
            ProblemResponse? problem = null;
            if (outcome == Outcome.Conflict)
            {
                problem = await TryReadProblemAsync(response, ct).ConfigureAwait(false);
            }

            return new ApiResult<T>(status, outcome, null, retryAfter, problem);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or JsonException)
        {
            return ApiResult<T>.TransportFailure;
        }
    }

    private async Task<T> SendForValueAsync<T>(HttpMethod method, string path, string? authorization, byte[]? body, JsonTypeInfo<T> typeInfo, string what, CancellationToken ct)
        where T : class
    {
        using var request = BuildRequest(method, path, authorization, body);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ApiCallException($"{what} failed: {e.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                throw new ApiCallException($"{what} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(text, 500)}");
            }

            try
            {
                var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, ct).ConfigureAwait(false)
                    ?? throw new ApiCallException($"{what} returned an empty body");
            }
            catch (JsonException e)
            {
                throw new ApiCallException($"{what} returned unreadable JSON: {e.Message}");
            }
        }
    }

    private static async Task<ProblemResponse?> TryReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            if (stream.CanSeek && stream.Length == 0) return null;
            return await JsonSerializer.DeserializeAsync(stream, s_json.ProblemResponse, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is { } date) return date - DateTimeOffset.UtcNow;
        return null;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
