using LoadTest.Http;
using LoadTest.Metrics;
using LoadTest.Scenarios;

namespace LoadTest.Tests;

public sealed class RateLimitedTests
{
    [Fact]
    public void A_429_is_counted_apart_from_other_client_errors()
    {
        Assert.Equal(Outcome.RateLimited, OutcomeClassifier.FromStatus(429));
        Assert.Equal(Outcome.OtherClientError, OutcomeClassifier.FromStatus(404));
    }

    [Fact]
    public void Retry_after_of_a_429_is_honoured_in_full_and_of_a_503_capped()
    {
        var limited = new ApiResult<object>(429, Outcome.RateLimited, null, TimeSpan.FromSeconds(3));
        var overloaded = new ApiResult<object>(503, Outcome.Overloaded, null, TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), Backoff.After(limited));
        Assert.Equal(TimeSpan.FromSeconds(1), Backoff.After(overloaded));
    }

    [Fact]
    public async Task Rate_limited_call_is_waited_out_and_retried_until_answered()
    {
        var answers = new Queue<ApiResult<object>>(
        [
            new(429, Outcome.RateLimited, null, TimeSpan.FromMilliseconds(10)),
            new(429, Outcome.RateLimited, null, TimeSpan.FromMilliseconds(10)),
            new(204, Outcome.Ok, null),
        ]);
        var stats = new OperationStats();

        var result = await Backoff.RetryRateLimitedAsync(() => Task.FromResult(answers.Dequeue()), stats, RunWindow.StartingNow(0, 60), CancellationToken.None);

        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Empty(answers);
        Assert.Equal(2, stats.Count(Outcome.RateLimited));
        Assert.Equal(1, stats.Count(Outcome.Ok));
        Assert.Equal(0, stats.Errors);
    }

    [Fact]
    public async Task Rate_limited_call_stops_retrying_when_the_run_is_over()
    {
        var calls = 0;
        var stats = new OperationStats();

        var result = await Backoff.RetryRateLimitedAsync(
            () => { calls++; return Task.FromResult(new ApiResult<object>(429, Outcome.RateLimited, null, TimeSpan.FromSeconds(30))); },
            stats, RunWindow.StartingNow(0, 0), CancellationToken.None);

        Assert.Equal(Outcome.RateLimited, result.Outcome);
        Assert.Equal(1, calls);
    }
}
