using LoadTest.Metrics;

namespace LoadTest.Http;

/// <summary>The outcome of one API call: status (0 on transport failure), its classification and the parsed body.</summary>
internal readonly record struct ApiResult<T>(int Status, Outcome Outcome, T? Value, TimeSpan? RetryAfter = null, ProblemResponse? Problem = null)
    where T : class
{
    public bool IsOk => Outcome == Outcome.Ok;

    public static ApiResult<T> TransportFailure => new(0, Outcome.Transport, null);
}

/// <summary>A setup or audit call failed in a way the run cannot continue from.</summary>
internal sealed class ApiCallException(string message) : Exception(message);
