namespace Api.Auth;

/// <summary>Bearer token settings, bound from the "Auth" configuration section and validated at start-up.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Used only when no <see cref="SigningKey"/> is configured and development tokens are enabled,
    /// so a production deployment can never run on a key that is published in the source.
    /// </summary>
    internal const string DevelopmentSigningKey = "booking-development-signing-key-not-for-production-use";

    public DevTokenOptions DevTokens { get; set; } = new();

    /// <summary>HMAC-SHA256 key, at least 32 bytes. Required unless <see cref="DevTokenOptions.Enabled"/>.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "booking-api";

    public string Audience { get; set; } = "booking-api";

    /// <summary>Lifetime of development tokens. Default 8 hours.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Tolerated clock difference between issuer and API. Default 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    internal string EffectiveSigningKey =>
        !string.IsNullOrEmpty(SigningKey) ? SigningKey
        : DevTokens.Enabled ? DevelopmentSigningKey
        : throw new InvalidOperationException("Auth:SigningKey is required unless Auth:DevTokens:Enabled is true.");
}

public sealed class DevTokenOptions
{
    /// <summary>Serves POST /dev/token, which signs a token for any user; never enable it in production. Default false.</summary>
    public bool Enabled { get; set; }
}
