using LoadTest.Cli;
using LoadTest.Http;
using LoadTest.Metrics;

namespace LoadTest.Scenarios;

/// <summary>
/// Before the door opens (not measured): one seated event of exactly as many seats as tickets, sold
/// out in best-available bookings of <see cref="SeatsPerBooking"/> seats (fewer when --max-per-hold is lower) by many buyers at once, and
/// every booking's tickets read back with their signed codes. Block bookings keep the setup short
/// and leave few bookings' side effects (the buyers' user records) still being delivered when the
/// ceiling is measured; the door never sees them, as the scan plan shuffles every ticket.
/// </summary>
internal sealed class CheckInSetup(ApiClient api, LoadOptions options, string runId)
{
    public const int SeatsPerBooking = 50;
    /// <summary>Buyers booking at once, one booking each at a time.</summary>
    private const int Buyers = 32;
    private const int MaxAttempts = 8;
    private static readonly TimeSpan s_retryPause = TimeSpan.FromMilliseconds(200);
    private static readonly string[] s_organizerRoles = ["organizer"];
    private static readonly string[] s_buyerRoles = [];

    public async Task<DoorTickets> BookAsync(int tickets, Action<string> progress, CancellationToken ct)
    {
        var organizer = ApiClient.BearerValue(await api.CreateTokenAsync($"{runId}-organizer", s_organizerRoles, ct));
        var buyers = new string[Buyers];
        await Parallel.ForAsync(0, buyers.Length, new ParallelOptions { MaxDegreeOfParallelism = Buyers, CancellationToken = ct }, async (i, token) =>
            buyers[i] = ApiClient.BearerValue(await api.CreateTokenAsync($"{runId}-fan-{i}", s_buyerRoles, token)));

        var target = await CreateEventAsync(organizer, tickets, ct);
        var size = Math.Min(SeatsPerBooking, options.MaxSeatsPerHold);
        var bookings = (tickets + size - 1) / size;
        var ticketIds = new string[tickets];
        var codes = new string[tickets];
        var next = -1;
        var booked = 0;
        // One buyer per lane, so no buyer ever holds more than one booking's seats (the per-buyer hold limit).
        await Task.WhenAll(buyers.Select(buyer => Task.Run(async () =>
        {
            for (var b = Interlocked.Increment(ref next); b < bookings; b = Interlocked.Increment(ref next))
            {
                var quantity = Math.Min(size, tickets - b * size);
                var list = await BookOneAsync(buyer, target, b, quantity, ct);
                for (var i = 0; i < quantity; i++)
                {
                    ticketIds[b * size + i] = list[i].TicketId!;
                    codes[b * size + i] = list[i].Code!;
                }

                var done = Interlocked.Increment(ref booked);
                if (done % 100 == 0) progress($"booked {done} of {bookings} bookings");
            }
        }, ct)));

        return new DoorTickets(target, organizer, bookings, ticketIds, codes);
    }

    private async Task<EventTarget> CreateEventAsync(string organizer, int seats, CancellationToken ct)
    {
        var venue = await api.CreateVenueAsync(organizer, VenueLayout.Build($"{runId} arena", seats), ct);
        var startAt = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(30).AddHours(20), TimeSpan.Zero);
        var created = await api.CreateEventAsync(organizer, new EventRequest
        {
            Slug = $"{runId}-door",
            Title = $"Load test door {runId}",
            VenueId = venue.Id ?? throw new ApiCallException("POST /venues returned no id"),
            StartAt = startAt,
            EndAt = startAt.AddHours(3),
            Prices = new Dictionary<string, decimal> { ["default"] = 50m },
            Currency = "EUR",
            HoldTtlSeconds = options.HoldTtlSeconds,
            MaxSeatsPerHold = options.MaxSeatsPerHold,
        }, ct);
        return new EventTarget(created.Id ?? throw new ApiCallException("POST /events returned no id"));
    }

    /// <summary>Hold, confirm and read the tickets of one booking; the hold carries an idempotency key, so every step can be retried.</summary>
    private async Task<List<TicketDto>> BookOneAsync(string buyer, EventTarget target, int number, int quantity, CancellationToken ct)
    {
        var body = ApiClient.QuantityHoldBody(quantity);
        var hold = await RetryAsync(() => api.HoldAsync(buyer, target, body, $"{runId}-booking-{number}", ct), "POST /events/{id}/holds", ct);
        var holdId = hold.HoldId ?? throw new ApiCallException("POST /events/{id}/holds returned no hold id");
        var booking = await RetryAsync(() => api.ConfirmAsync(buyer, target, holdId, ct), "POST /events/{id}/holds/{holdId}/confirm", ct);
        var bookingId = booking.BookingId ?? throw new ApiCallException("confirm returned no booking id");
        var list = await RetryAsync(() => api.GetTicketsAsync(buyer, target, bookingId, ct), "GET /events/{id}/bookings/{bookingId}/tickets", ct);
        var items = list.Items ?? [];
        if (items.Count != quantity || items.Any(t => t.TicketId is null || t.Code is null))
        {
            throw new ApiCallException($"booking {bookingId} of {quantity} seats listed {items.Count} tickets");
        }

        return items;
    }

    /// <summary>Retries what a busy system may answer (429, 503, 5xx, no answer); any other failure ends the setup.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<ApiResult<T>>> call, string what, CancellationToken ct)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await call();
            if (result is { IsOk: true, Value: { } value }) return value;
            var retryable = result.Outcome is Outcome.RateLimited or Outcome.Overloaded or Outcome.ServerError or Outcome.Transport;
            if (!retryable || attempt >= MaxAttempts)
            {
                throw new ApiCallException($"{what} answered {(result.Status == 0 ? "nothing" : result.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}{(result.Problem?.Detail is { } detail ? ": " + detail : "")} (attempt {attempt})");
            }

            var pause = Backoff.After(result);
            await Task.Delay(pause > TimeSpan.Zero ? pause : s_retryPause * attempt, ct);
        }
    }
}
