using LoadTest.Http;
using LoadTest.Metrics;
using LoadTest.Scenarios;

namespace LoadTest.Audit;

/// <summary>Reads the run's outcome back from the API (seat lists, availability, every acknowledged booking).</summary>
internal sealed class AuditReader(ApiClient api, string authorization, int parallelism)
{
    private const int Attempts = 3;

    public async Task<AuditResult> AuditAsync(IReadOnlyList<EventUnderLoad> events, IReadOnlyList<AcknowledgedBooking> acknowledged, CancellationToken ct)
    {
        var snapshots = new EventSnapshot[events.Count];
        await Parallel.ForAsync(0, events.Count, Options(Math.Min(parallelism, 4), ct), async (i, token) =>
        {
            snapshots[i] = await SnapshotAsync(events[i], token);
        });

        var targets = events.ToDictionary(e => e.Target.EventId, e => e.Target, StringComparer.Ordinal);
        var keys = acknowledged.Select(a => (a.EventId, a.BookingId)).Distinct().ToArray();
        var states = new ReadbackState[keys.Length];
        await Parallel.ForAsync(0, keys.Length, Options(parallelism, ct), async (i, token) =>
        {
            states[i] = await ReadBackAsync(targets[keys[i].EventId], keys[i].BookingId, token);
        });

        var readback = new Dictionary<(string, string), ReadbackState>(keys.Length);
        for (var i = 0; i < keys.Length; i++) readback[keys[i]] = states[i];
        return BookingAuditor.Evaluate(snapshots, acknowledged, readback);
    }

    private async Task<EventSnapshot> SnapshotAsync(EventUnderLoad ev, CancellationToken ct)
    {
        var seats = await RetryAsync(() => api.GetSeatsAsync(authorization, ev.Target, ct), ct);
        var availability = await RetryAsync(() => api.GetAvailabilityAsync(authorization, ev.Target, ct), ct);
        var status = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var seat in seats.Seats ?? [])
        {
            if (seat.Id is not null) status[seat.Id] = seat.Status ?? "";
        }

        var capacity = availability.Capacity > 0 ? availability.Capacity : ev.Capacity;
        return new EventSnapshot(ev.Target.EventId, status, capacity, availability.Booked, availability.Held);
    }

    private async Task<ReadbackState> ReadBackAsync(EventTarget target, string bookingId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await api.GetBookingAsync(authorization, target, bookingId, ct);
            if (result.IsOk) return ReadbackState.Found;
            if (result.Status == 404) return ReadbackState.Missing;
            if (attempt >= Attempts || result.Outcome is not (Outcome.Transport or Outcome.Overloaded or Outcome.ServerError) && result.Status != 429)
            {
                return ReadbackState.Unverified;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
        }
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (ApiCallException) when (attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), ct);
            }
        }
    }

    private static ParallelOptions Options(int degree, CancellationToken ct) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, degree), CancellationToken = ct };
}
