namespace Api.RateLimits;

public static class RateLimitPolicies
{
    /// <summary>
    /// Per-user token bucket of the state-changing buyer and door operations (holds, confirms,
    /// releases, cancellations, check-ins): endpoints attach it with RequireRateLimiting(Mutations).
    /// </summary>
    public const string Mutations = "mutations";
}
