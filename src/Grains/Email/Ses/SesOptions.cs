namespace Grains.Email.Ses;

/// <summary>
/// Settings of the SES v2 email sender, bound from the configuration section <c>Ses</c>.
/// </summary>
public sealed class SesOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Ses";

    internal const string EndpointVariable = "AWS_ENDPOINT_URL_SESV2";
    internal const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";
    internal const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";
    internal const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    /// <summary>
    /// Base address of the SES v2 API, for example <c>http://localhost:8005</c> for a local SES server.
    /// Default <see langword="null"/>: the <c>AWS_ENDPOINT_URL_SESV2</c> environment variable if set,
    /// otherwise <c>https://email.{Region}.amazonaws.com</c>. Must be an absolute http(s) URL when set.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// AWS region; used for the SigV4 credential scope and the default endpoint. Default <c>us-east-1</c>. Required.
    /// </summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// Sender address of every email; must be a verified SES identity in real AWS.
    /// Default <c>no-reply@booking.local</c>. Required.
    /// </summary>
    public string FromAddress { get; set; } = "no-reply@booking.local";

    /// <summary>
    /// AWS access key id. Default <see langword="null"/>: the <c>AWS_ACCESS_KEY_ID</c> environment variable.
    /// Only static keys are supported (no profiles or instance metadata), because the AWS SDK's
    /// credential chain for SES is not available to this project.
    /// </summary>
    public string? AccessKeyId { get; set; }

    /// <summary>
    /// AWS secret access key. Default <see langword="null"/>: the <c>AWS_SECRET_ACCESS_KEY</c> environment variable.
    /// </summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>
    /// Session token of temporary credentials. Default <see langword="null"/>: the <c>AWS_SESSION_TOKEN</c>
    /// environment variable, or none.
    /// </summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// SES configuration set applied to every email (event publishing, IP pools). Default <see langword="null"/>: none.
    /// </summary>
    public string? ConfigurationSetName { get; set; }

    /// <summary>
    /// Upper bound of one send, from request to response; when exceeded the send is reported as a
    /// retriable rejection. Default 10 seconds. Must be positive.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    internal string ResolveServiceUrl() =>
        NullIfBlank(ServiceUrl)
        ?? NullIfBlank(Environment.GetEnvironmentVariable(EndpointVariable))
        ?? $"https://email.{Region}.amazonaws.com";

    // Read at send time rather than once, so rotated environment credentials are picked up.
    internal AwsCredentials? ResolveCredentials()
    {
        var accessKeyId = NullIfBlank(AccessKeyId) ?? NullIfBlank(Environment.GetEnvironmentVariable(AccessKeyIdVariable));
        var secretAccessKey = NullIfBlank(SecretAccessKey) ?? NullIfBlank(Environment.GetEnvironmentVariable(SecretAccessKeyVariable));
        if (accessKeyId is null || secretAccessKey is null)
        {
            return null;
        }

        var sessionToken = NullIfBlank(SessionToken) ?? NullIfBlank(Environment.GetEnvironmentVariable(SessionTokenVariable));
        return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
