using System.Threading.RateLimiting;
using Api.Auth;
using Microsoft.Extensions.Options;

namespace Api.RateLimits;

/// <summary>
/// Chooses the token bucket of a mutation: the caller's own, or the caller's bucket for one event
/// when RateLimits:Events configures that event (an on-sale with its own budget).
/// </summary>
internal sealed class MutationPartitioner(IOptions<RateLimitOptions> options)
{
    private readonly TokenBucketRateLimiterOptions _default = TokenBuckets.Options(options.Value.Mutations, options.Value.InstanceCount);
    private readonly Dictionary<string, TokenBucketRateLimiterOptions> _events = options.Value.Events.ToDictionary(
        e => e.Key, e => TokenBuckets.Options(e.Value, options.Value.InstanceCount), StringComparer.OrdinalIgnoreCase);

    public RateLimitPartition<MutationPartition> Partition(HttpContext context)
    {
        // Not signed in: the per-address limiter counts it, and authorization refuses it.
        if (context.User.FindFirst(TokenClaims.Subject)?.Value is not { } userId) return RateLimitPartition.GetNoLimiter(default(MutationPartition));

        if (_events.Count > 0 && context.Request.RouteValues["eventId"] is string eventId && _events.TryGetValue(eventId, out var onSale))
        {
            return RateLimitPartition.GetTokenBucketLimiter(new MutationPartition(userId, eventId), _ => onSale);
        }

        return RateLimitPartition.GetTokenBucketLimiter(new MutationPartition(userId, null), _ => _default);
    }

    /// <summary>Exposed for the tests: the bucket a partition gets.</summary>
    internal TokenBucketRateLimiterOptions SettingsOf(MutationPartition partition) =>
        partition.EventId is { } id && _events.TryGetValue(id, out var onSale) ? onSale : _default;
}

/// <summary>A user's bucket, or a user's bucket for one event.</summary>
internal readonly record struct MutationPartition(string? UserId, string? EventId);
