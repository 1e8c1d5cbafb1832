namespace LoadTest.Scenarios;

/// <summary>
/// A virtual buyer: a worker that keeps buying. Each iteration acts as the next of its
/// identities (token subjects), as a real crowd would: one person holds once, and abandoned
/// holds of one identity don't pile up against the per-buyer hold limit.
/// </summary>
internal sealed record Buyer(int Index, string UserId, string[] Authorizations)
{
    private int _next;

    public string Authorization => Authorizations[0];

    public string NextAuthorization() => Authorizations[_next++ % Authorizations.Length];
}
