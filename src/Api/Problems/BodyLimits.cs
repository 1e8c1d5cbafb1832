namespace Api.Problems;

/// <summary>
/// The largest request body each endpoint accepts, stated where the endpoint is mapped
/// (<see cref="WithBodyLimit{TBuilder}"/>) and enforced by <see cref="RequestBodyLimit"/> with a 413
/// problem. Endpoints that state none take <see cref="Default"/>: they read no body.
/// </summary>
public static class BodyLimits
{
    /// <summary>Endpoints without a body of their own (reads, deletes, publish, cancel): 4 KB.</summary>
    public const long Default = 4 * 1024;

    /// <summary>Small commands: a hold (up to 100 seat ids), extend, confirm, a development token: 16 KB.</summary>
    public const long Command = 16 * 1024;

    /// <summary>An offline gate's upload: up to 1,000 scans of ~200 bytes each: 256 KB.</summary>
    public const long ScanBatch = 256 * 1024;

    /// <summary>A user profile: 16 KB.</summary>
    public const long Profile = 16 * 1024;

    /// <summary>An event definition (prices, tags, hosts): 64 KB.</summary>
    public const long Event = 64 * 1024;

    /// <summary>A campaign: up to 5,000 user ids and a 100,000-character message: 1 MB.</summary>
    public const long Campaign = 1024 * 1024;

    /// <summary>A venue's seat map (a 100,000-seat venue is a few hundred KB): 1 MB, also the server's limit.</summary>
    public const long Venue = 1024 * 1024;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));
}

/// <summary>Endpoint metadata: the largest body this endpoint reads.</summary>
public sealed record BodyLimit(long Bytes);
