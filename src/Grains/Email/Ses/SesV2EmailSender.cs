using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Grains.Email.Ses;

/// <summary>
/// Sends emails through the SES v2 HTTP API (<c>SendEmail</c>), signed with SigV4, since the AWS SDK's SES
/// client is not available to this project.
/// </summary>
public sealed class SesV2EmailSender : IEmailSender
{
    private const string SigningService = "ses";
    private const string Charset = "UTF-8";
    private const int MaxReasonLength = 1000;

    private readonly HttpClient _httpClient;
    private readonly SesOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SigV4Signer _signer;
    private readonly Uri _sendEmailUri;

    /// <summary>Creates the sender; normally resolved as a typed client registered by <see cref="SesServiceCollectionExtensions.AddSesEmail"/>.</summary>
    public SesV2EmailSender(HttpClient httpClient, IOptions<SesOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _httpClient = httpClient;
        _options = options.Value;
        _timeProvider = timeProvider;
        _signer = new SigV4Signer(timeProvider);
        _sendEmailUri = new Uri(_options.ResolveServiceUrl().TrimEnd('/') + "/v2/email/outbound-emails", UriKind.Absolute);
    }

    /// <inheritdoc />
    public async Task<SendEmailResult> SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);

        var credentials = _options.ResolveCredentials()
            ?? await DefaultCredentialsAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                $"No AWS credentials for SES: set {SesOptions.SectionName}:AccessKeyId and {SesOptions.SectionName}:SecretAccessKey, " +
                $"or {SesOptions.AccessKeyIdVariable} and {SesOptions.SecretAccessKeyVariable}, or run with a role (ECS task role, instance profile).");

        var payload = JsonSerializer.SerializeToUtf8Bytes(ToRequest(message), SesJsonContext.Default.SendEmailRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, _sendEmailUri) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        _signer.Sign(request, payload, credentials, _options.Region, SigningService);

        using var timeoutCts = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linkedCts = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        try
        {
            using var response = await _httpClient.SendAsync(request, linkedCts.Token).ConfigureAwait(false);
            return await ReadResultAsync(response, linkedCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Either our timeout or HttpClient.Timeout fired; the caller did not give up, so it is a timeout.
            return new EmailRejected(0, $"SES did not answer within {_options.Timeout}.", Retriable: true);
        }
        catch (HttpRequestException ex)
        {
            return new EmailRejected((int?)ex.StatusCode ?? 0, Truncate($"SES could not be reached: {ex.Message}"), Retriable: true);
        }
    }

    private SendEmailRequest ToRequest(EmailMessage message) => new(
        FromEmailAddress: _options.FromAddress,
        Destination: new SesDestination([message.To]),
        Content: new SesContent(new SesSimpleMessage(
            Subject: new SesTextPart(message.Subject, Charset),
            Body: new SesBody(
                Text: new SesTextPart(message.TextBody, Charset),
                Html: message.HtmlBody is null ? null : new SesTextPart(message.HtmlBody, Charset)))),
        EmailTags: message.Tags is { Count: > 0 } tags ? [.. tags.Select(t => new SesMessageTag(t.Key, t.Value))] : null,
        ConfigurationSetName: string.IsNullOrWhiteSpace(_options.ConfigurationSetName) ? null : _options.ConfigurationSetName);

    private static async Task<SendEmailResult> ReadResultAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var statusCode = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            SendEmailResponse? body;
            try
            {
                body = await response.Content.ReadFromJsonAsync(SesJsonContext.Default.SendEmailResponse, ct).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                body = null;
            }

            // Not retriable: SES answered 2xx, so the email has most likely gone out and a retry would duplicate it.
            return string.IsNullOrEmpty(body?.MessageId)
                ? new EmailRejected(statusCode, "SES accepted the request but its answer carried no MessageId.", Retriable: false)
                : new EmailSent(body.MessageId);
        }

        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var error = TryParseError(text);
        var errorType = ErrorTypeFromHeader(response) ?? StripNamespace(error?.AwsType) ?? error?.Type;
        var throttled = response.StatusCode == HttpStatusCode.TooManyRequests
            || (errorType is not null && (errorType.Contains("Throttl", StringComparison.OrdinalIgnoreCase)
                || errorType.Contains("TooManyRequests", StringComparison.OrdinalIgnoreCase)));
        var retriable = throttled || statusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;

        var parts = new[] { errorType, error?.Message, error?.Detail }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        var reason = parts.Length > 0
            ? string.Join(": ", parts)
            : $"HTTP {statusCode} {response.ReasonPhrase} {text}".Trim();
        return new EmailRejected(statusCode, Truncate(reason), retriable);
    }

    private static SesErrorResponse? TryParseError(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize(text, SesJsonContext.Default.SesErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // AWS REST-JSON services name the error in x-amzn-ErrorType as "Type:namespace-uri".
    private static string? ErrorTypeFromHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? StripNamespace(values.FirstOrDefault()) : null;

    private static string? StripNamespace(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var colon = type.IndexOf(':');
        var withoutUri = colon < 0 ? type : type[..colon];
        var hash = withoutUri.LastIndexOf('#');
        return hash < 0 ? withoutUri : withoutUri[(hash + 1)..];
    }

    private static string Truncate(string text) => text.Length <= MaxReasonLength ? text : text[..MaxReasonLength] + "…";

    /// <summary>
    /// The AWS SDK's default chain (ECS task role, instance profile, shared profile), which also
    /// refreshes temporary credentials; used when no keys are configured.
    /// </summary>
    private static async Task<AwsCredentials?> DefaultCredentialsAsync()
    {
        try
        {
            var source = await Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).ConfigureAwait(false);
            var current = await source.GetCredentialsAsync().ConfigureAwait(false);
            return new AwsCredentials(current.AccessKey, current.SecretKey, string.IsNullOrEmpty(current.Token) ? null : current.Token);
        }
        catch (Amazon.Runtime.AmazonClientException)
        {
            return null;
        }
    }
}
