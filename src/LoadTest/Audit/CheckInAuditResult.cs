namespace LoadTest.Audit;

/// <summary>
/// The door audit's verdict. <see cref="DuplicatesAdmitted"/> = 200 answers beyond the first for
/// each ticket, across every scanner and gate; it must be 0. The API's door figures must agree with
/// the admissions the scanners were given.
/// </summary>
internal sealed record CheckInAuditResult
{
    /// <summary>Tickets booked for the door.</summary>
    public int Tickets { get; init; }

    /// <summary>Scans taken from the plan, answered or not (warm-up included).</summary>
    public int Scans { get; init; }

    /// <summary>200: admitted.</summary>
    public int Admitted { get; init; }

    /// <summary>409: refused as already checked in.</summary>
    public int Refused { get; init; }

    /// <summary>Scans answered neither 200 nor 409.</summary>
    public int Failed => Scans - Admitted - Refused;

    /// <summary>5xx answers (503 included: a scanner told to come back is a person kept waiting).</summary>
    public int ServerErrors { get; init; }

    /// <summary>410, 422 or another 4xx but 409 and 429: a valid ticket of a live booking turned away.</summary>
    public int Rejected { get; init; }

    /// <summary>No answer (connection failure, timeout, unreadable body).</summary>
    public int Unanswered { get; init; }

    /// <summary>Still 429 when the run ended.</summary>
    public int RateLimited { get; init; }

    public int DistinctAdmitted { get; init; }

    public int DuplicatesAdmitted { get; init; }

    public int TicketsAdmittedMoreThanOnce { get; init; }

    /// <summary>200 answers naming another ticket, or a status other than admitted.</summary>
    public int WrongAdmissions { get; init; }

    /// <summary>Tickets refused as already checked in although none of their scans was admitted or left without an answer.</summary>
    public int PhantomRefusals { get; init; }

    /// <summary>Tickets without a 200, of which those with a scan of unknown outcome may still have been admitted.</summary>
    public int NotAdmitted { get; init; }

    public int TicketsWithUnknownOutcome { get; init; }

    /// <summary>The API's figures; null when they could not be read.</summary>
    public int? StatsTickets { get; init; }

    public int? StatsCheckedIn { get; init; }

    /// <summary>Gates whose admissions in the API's figures differ from the 200s the scanners got there (checked only when every scan was answered).</summary>
    public IReadOnlyList<string> GatesDisagreeing { get; init; } = [];

    /// <summary>The figures disagree with the scans: tickets, admissions, or admissions by gate.</summary>
    public bool StatsMismatch { get; init; }

    public string? StatsError { get; init; }

    /// <summary>Something the door must never do happened.</summary>
    public bool Incorrect => DuplicatesAdmitted > 0 || ServerErrors > 0 || Rejected > 0 || WrongAdmissions > 0 || PhantomRefusals > 0 || StatsMismatch;

    /// <summary>The door figures were not read, so the cross-check did not happen.</summary>
    public bool Incomplete => StatsCheckedIn is null;
}
