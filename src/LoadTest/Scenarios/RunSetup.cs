using LoadTest.Cli;
using LoadTest.Http;

namespace LoadTest.Scenarios;

/// <summary>Everything created before the measured window: tokens, venue, events, initial seat lists.</summary>
internal sealed class RunSetup(ApiClient api, LoadOptions options, string runId)
{
    private const int SetupParallelism = 8;
    private static readonly string[] s_organizerRoles = ["organizer"];
    private static readonly string[] s_buyerRoles = [];

    public string RunId => runId;

    public async Task<string> OrganizerAuthorizationAsync(CancellationToken ct) =>
        ApiClient.BearerValue(await api.CreateTokenAsync($"{runId}-organizer", s_organizerRoles, ct));

    /// <summary>Tokens for every buyer's identities, fetched up front so token issuance is outside the measured window.</summary>
    public async Task<Buyer[]> BuyersAsync(int count, int identitiesPerBuyer, CancellationToken ct)
    {
        var tokens = new string[count * identitiesPerBuyer];
        await Parallel.ForAsync(0, tokens.Length, new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism, CancellationToken = ct }, async (i, token) =>
        {
            var jwt = await api.CreateTokenAsync($"{runId}-buyer-{i / identitiesPerBuyer}-{i % identitiesPerBuyer}", s_buyerRoles, token);
            tokens[i] = ApiClient.BearerValue(jwt);
        });
        return Enumerable.Range(0, count)
            .Select(i => new Buyer(i, $"{runId}-buyer-{i}", tokens[(i * identitiesPerBuyer)..((i + 1) * identitiesPerBuyer)]))
            .ToArray();
    }

    /// <summary>Creates one venue of <paramref name="seats"/> seats and <paramref name="count"/> events on it, on sale now.</summary>
    public async Task<EventUnderLoad[]> EventsAsync(string organizer, int count, int seats, CancellationToken ct)
    {
        var venue = await api.CreateVenueAsync(organizer, VenueLayout.Build($"{runId} venue", seats), ct);
        var venueId = venue.Id ?? throw new ApiCallException("POST /venues returned no id");
        var events = new EventUnderLoad[count];
        var firstStart = DateTimeOffset.UtcNow.Date.AddDays(30);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism, CancellationToken = ct }, async (i, token) =>
        {
            var startAt = new DateTimeOffset(firstStart.AddDays(i).AddHours(20), TimeSpan.Zero);
            var created = await api.CreateEventAsync(organizer, new EventRequest
            {
                Slug = count == 1 ? $"{runId}-hot" : $"{runId}-e{i + 1}",
                Title = count == 1 ? $"Load test hot event {runId}" : $"Load test event {i + 1} ({runId})",
                VenueId = venueId,
                StartAt = startAt,
                EndAt = startAt.AddHours(3),
                Prices = new Dictionary<string, decimal> { ["default"] = 50m },
                Currency = "EUR",
                HoldTtlSeconds = options.HoldTtlSeconds,
                MaxSeatsPerHold = options.MaxSeatsPerHold,
            }, token);
            var target = new EventTarget(created.Id ?? throw new ApiCallException("POST /events returned no id"));
            var seatList = await api.GetSeatsAsync(organizer, target, token);
            var picker = new SeatPicker(seatList.Seats ?? []);
            events[i] = new EventUnderLoad(target, venue.Capacity > 0 ? venue.Capacity : picker.SeatCount, picker);
        });
        return events;
    }

    public static string NewRunId() =>
        $"lt-{DateTime.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(0x10000):x4}";
}
