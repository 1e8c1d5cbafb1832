using System.Threading.RateLimiting;

namespace Api.RateLimits;

internal static class TokenBuckets
{
    /// <summary>
    /// This instance's share of a budget as a token bucket refilled in small steps (about every
    /// 100 ms) rather than once a second, so a client that waits its Retry-After finds tokens.
    /// </summary>
    public static TokenBucketRateLimiterOptions Options(TokenBucketSettings settings, int instanceCount)
    {
        var rate = settings.PermitsPerSecond / instanceCount;
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(rate / 10));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, (int)Math.Ceiling((double)settings.Burst / instanceCount)),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / rate),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
