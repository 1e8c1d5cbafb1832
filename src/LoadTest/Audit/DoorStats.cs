namespace LoadTest.Audit;

/// <summary>The API's door figures after the run (<c>GET /events/{id}/check-ins/stats</c>).</summary>
internal sealed record DoorStats(int Tickets, int CheckedIn, IReadOnlyDictionary<string, int> ByGate);
