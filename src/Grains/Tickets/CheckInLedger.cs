namespace Grains.Tickets;

/// <summary>
/// Which tickets of one event have been admitted, decided one scan at a time by the event grain so
/// that a ticket admits once whatever the number of gates and silos. Pure: no clock, no I/O.
/// <list type="bullet">
/// <item>A scan at or after its booking's cancellation is <see cref="CheckInStatus.Cancelled"/>; one
/// before it (an offline gate that did not know yet) counts as usual.</item>
/// <item>Online: the first scan admits; every later one is a duplicate naming the first admission.</item>
/// <item>Offline batches: the earliest scan of a ticket wins, within a batch and across batches, as
/// long as the ticket's admission came from a batch too. An online admission is final: an offline
/// scan reported after it is a duplicate even when it was scanned earlier, because the online gate
/// was already told to let its holder in.</item>
/// <item>A scan equal to the recorded admission (same time, same gate) is that admission sent again
/// by a gate retrying its upload, and is answered admitted again.</item>
/// </list>
/// </summary>
[GenerateSerializer, Alias("CheckInLedger")]
public sealed class CheckInLedger
{
    public const string NoGate = "none";

    [Id(0)]
    private readonly Dictionary<string, CheckIn> _checkIns = new(StringComparer.Ordinal);

    // Derived from _checkIns (rebuilt after deserialization): stats are read far more often than
    // they change at a busy door.
    [NonSerialized]
    private Dictionary<string, int>? _byGate;

    public CheckInLedger()
    {
    }

    /// <summary>Rebuilds a ledger from what <see cref="CheckIns"/> gave (the event grain's snapshot).</summary>
    public CheckInLedger(IEnumerable<KeyValuePair<string, CheckIn>> checkIns)
    {
        foreach (var (ticketId, checkIn) in checkIns) _checkIns.Add(ticketId, checkIn);
    }

    public IReadOnlyDictionary<string, CheckIn> CheckIns => _checkIns;

    public int CheckedIn => _checkIns.Count;

    public CheckIn? Find(string ticketId) => _checkIns.GetValueOrDefault(ticketId);

    /// <summary>An online gate's scan, answered at once.</summary>
    public CheckInResult Admit(string ticketId, string? gate, DateTimeOffset now, DateTimeOffset? cancelledAt = null)
    {
        if (cancelledAt <= now) return CheckInResult.Cancelled(ticketId);
        if (_checkIns.TryGetValue(ticketId, out var first))
        {
            return first.At == now && first.Gate == gate ? CheckInResult.Admitted(ticketId, first) : CheckInResult.Duplicate(ticketId, first);
        }

        var checkIn = new CheckIn { At = now, Gate = gate, Offline = false };
        Record(ticketId, checkIn, replaced: null);
        return CheckInResult.Admitted(ticketId, checkIn);
    }

    /// <summary>An offline gate's scans; the answers are in the order of <paramref name="scans"/>.</summary>
    public IReadOnlyList<CheckInResult> AdmitBatch(IReadOnlyList<GateScan> scans)
    {
        var results = new CheckInResult[scans.Count];
        var valid = new List<int>(scans.Count);
        for (var i = 0; i < scans.Count; i++)
        {
            if (scans[i].CancelledAt <= scans[i].ScannedAt) results[i] = CheckInResult.Cancelled(scans[i].TicketId);
            else valid.Add(i);
        }

        // Earliest scan first; among scans at the same instant the one listed first.
        foreach (var ticket in valid.GroupBy(i => scans[i].TicketId, StringComparer.Ordinal))
        {
            var earliest = ticket.OrderBy(i => scans[i].ScannedAt).ThenBy(i => i).First();
            var scan = scans[earliest];
            var recorded = _checkIns.GetValueOrDefault(ticket.Key);
            if (recorded is null || (recorded.Offline && scan.ScannedAt < recorded.At))
            {
                Record(ticket.Key, new CheckIn { At = scan.ScannedAt, Gate = scan.Gate, Offline = true }, recorded);
            }

            var admission = _checkIns[ticket.Key];
            foreach (var i in ticket)
            {
                results[i] = scans[i].ScannedAt == admission.At && scans[i].Gate == admission.Gate
                    ? CheckInResult.Admitted(ticket.Key, admission)
                    : CheckInResult.Duplicate(ticket.Key, admission);
            }
        }

        return results;
    }

    /// <param name="tickets">Tickets of the event's live bookings, which the event grain counts.</param>
    public CheckInStats Stats(int tickets) => new()
    {
        Tickets = tickets,
        CheckedIn = _checkIns.Count,
        ByGate = new Dictionary<string, int>(ByGate(), StringComparer.Ordinal),
    };

    private void Record(string ticketId, CheckIn checkIn, CheckIn? replaced)
    {
        _checkIns[ticketId] = checkIn;
        if (_byGate is null) return;
        if (replaced is not null) Count(_byGate, replaced.Gate, -1);
        Count(_byGate, checkIn.Gate, +1);
    }

    private Dictionary<string, int> ByGate()
    {
        if (_byGate is not null) return _byGate;
        var byGate = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var checkIn in _checkIns.Values) Count(byGate, checkIn.Gate, +1);
        return _byGate = byGate;
    }

    private static void Count(Dictionary<string, int> byGate, string? gate, int delta)
    {
        var key = gate ?? NoGate;
        var count = byGate.GetValueOrDefault(key) + delta;
        if (count == 0) byGate.Remove(key);
        else byGate[key] = count;
    }
}
