using LoadTest.Cli;
using LoadTest.Http;
using LoadTest.Metrics;

namespace LoadTest.Scenarios;

/// <summary>
/// Before the door opens (not measured): one seated event of exactly as many seats as tickets, sold
/// out in best-available bookings of <see cref="PartySize"/> seats by many buyers at once, and every
/// booking's tickets read back with their signed codes. Group bookings keep the setup short; the
/// door never sees them, as the scan plan shuffles every ticket.
/// </summary>
internal sealed class CheckInSetup(ApiClient api, LoadOptions options, string runId)
{
    public const int PartySize = 10;
    private const int Parallelism = 32;
    private const int BuyerIdentities = 64;
    private const int MaxAttempts = 8;
    private static readonly TimeSpan s_retryPause = TimeSpan.FromMilliseconds(200);
    private static readonly string[] s_organizerRoles = ["organizer"];
    private static readonly string[] s_buyerRoles = [];

    public async Task<DoorTickets> BookAsync(int tickets, Action<string> progress, CancellationToken ct)
    {
        var organizer = ApiClient.BearerValue(await api.CreateTokenAsync($"{runId}-organizer", s_organizerRoles, ct));
        var buyers = new string[BuyerIdentities];
        await Parallel.ForAsync(0, buyers.Length, Options(ct), async (i, token) =>
            buyers[i] = ApiClient.BearerValue(await api.CreateTokenAsync($"{runId}-fan-{i}", s_buyerRoles, token)));

        var target = await CreateEventAsync(organizer, tickets, ct);
        var bookings = (tickets + PartySize - 1) / PartySize;
        var ticketIds = new string[tickets];
        var codes = new string[tickets];
        var booked = 0;
        await Parallel.ForAsync(0, bookings, Options(ct), async (b, token) =>
        {
            var quantity = Math.Min(PartySize, tickets - b * PartySize);
            var buyer = buyers[b % buyers.Length];
            var list = await BookOneAsync(buyer, target, b, quantity, token);
            for (var i = 0; i < quantity; i++)
            {
                ticketIds[b * PartySize + i] = list[i].TicketId!;
                codes[b * PartySize + i] = list[i].Code!;
            }

            var done = Interlocked.Increment(ref booked);
            if (done % 500 == 0) progress($"booked {done} of {bookings} bookings");
        });

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

    private static ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct };
}
