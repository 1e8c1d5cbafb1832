namespace LoadTest.Metrics;

/// <summary>How a request ended. Everything but <see cref="Ok"/> counts as an error of that kind.</summary>
internal enum Outcome
{
    Ok = 0,
    Conflict = 1,        // 409
    Gone = 2,            // 410
    Overloaded = 3,      // 503
    OtherClientError = 4, // other 4xx
    ServerError = 5,     // other 5xx
    Transport = 6,       // connection failure, timeout, malformed response
    RateLimited = 7,     // 429: waited out (Retry-After) and retried
}

internal static class OutcomeClassifier
{
    public const int KindCount = 8;

    public static Outcome FromStatus(int status) => status switch
    {
        >= 200 and < 300 => Outcome.Ok,
        409 => Outcome.Conflict,
        410 => Outcome.Gone,
        503 => Outcome.Overloaded,
        429 => Outcome.RateLimited,
        >= 400 and < 500 => Outcome.OtherClientError,
        >= 500 => Outcome.ServerError,
        _ => Outcome.OtherClientError, // 1xx/3xx are not part of the contract
    };
}
