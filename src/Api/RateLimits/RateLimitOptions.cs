namespace Api.RateLimits;

/// <summary>Abuse protection, bound from the "RateLimits" configuration section and validated at start-up.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Whether any limit is applied. Default true; the load tool's benchmark runs turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many API instances share the budgets below behind one load balancer. Each instance counts
    /// on its own and allows its share (budget ÷ InstanceCount, at least one request): the load
    /// balancer spreads a client's requests evenly, so the shares add up to the budget. Default 1.
    /// </summary>
    public int InstanceCount { get; set; } = 1;

    /// <summary>
    /// Take the client address from the last X-Forwarded-For entry (the one the load balancer
    /// appended). Only where the API is reachable through the load balancer alone. Default false.
    /// </summary>
    public bool TrustForwardedFor { get; set; }

    /// <summary>Per user, on holds, confirms, releases, cancellations (and later check-ins). Default 10/s, burst 20.</summary>
    public TokenBucketSettings Mutations { get; set; } = new() { PermitsPerSecond = 10, Burst = 20 };

    /// <summary>Per client address, on requests without a valid token (anonymous or refused). Default 10/s, burst 10.</summary>
    public TokenBucketSettings Anonymous { get; set; } = new() { PermitsPerSecond = 10, Burst = 10 };

    /// <summary>
    /// Mutation limits of particular events (an on-sale), by event id, instead of <see cref="Mutations"/>;
    /// counted separately from the user's other events. Default: none.
    /// </summary>
    public Dictionary<string, TokenBucketSettings> Events { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled at <see cref="PermitsPerSecond"/>.</summary>
public sealed class TokenBucketSettings
{
    /// <summary>Sustained requests per second (fractions allowed, e.g. 0.5).</summary>
    public double PermitsPerSecond { get; set; }

    /// <summary>Requests allowed at once after a quiet period: the bucket's size.</summary>
    public int Burst { get; set; }
}
