namespace LoadTest.Audit;

/// <summary>
/// How the API answered one planned scan (the last attempt, after any 429 was waited out): the HTTP
/// status (0 when no answer arrived) and, for 200, the ticket and status the body named.
/// </summary>
internal readonly record struct ScanAnswer(int Ticket, int Gate, int Status, string? AdmittedTicketId = null, string? AdmittedStatus = null)
{
    public bool Admitted => Status == 200;

    public bool Refused => Status == 409;

    /// <summary>No answer, a 5xx or 503: the scan may or may not have admitted its ticket.</summary>
    public bool OutcomeUnknown => Status == 0 || Status >= 500;
}
