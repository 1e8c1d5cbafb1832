namespace Api.Browser;

/// <summary>What a browser front end on another origin may do, bound from the "Browser" section and validated at start-up.</summary>
public sealed class BrowserOptions
{
    public const string SectionName = "Browser";

    /// <summary>
    /// Origins (scheme://host[:port]) whose pages may call the API with CORS, e.g.
    /// https://tickets.example.com. Default: none, so no cross-origin page may read answers. Empty
    /// entries are ignored, so a deployment template can pass an optional origin.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may reuse a preflight answer. Default 10 minutes.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    internal string[] Origins => [.. AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.TrimEnd('/'))];
}
