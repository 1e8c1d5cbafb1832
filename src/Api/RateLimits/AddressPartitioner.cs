using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Api.RateLimits;

/// <summary>
/// The global limiter: requests that carry no valid token (anonymous, or refused by the bearer
/// handler) are counted per client address; signed-in callers and health probes pass untouched.
/// </summary>
internal sealed class AddressPartitioner(IOptions<RateLimitOptions> options)
{
    private readonly TokenBucketRateLimiterOptions _bucket = TokenBuckets.Options(options.Value.Anonymous, options.Value.InstanceCount);

    public RateLimitPartition<string> Partition(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter(string.Empty);

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter(address, _ => _bucket);
    }
}
