using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Grains.Email.Ses;

/// <summary>
/// AWS Signature Version 4 for non-S3 services, signing <c>host</c>, <c>x-amz-date</c> and, for temporary
/// credentials, <c>x-amz-security-token</c>.
/// </summary>
internal sealed class SigV4Signer(TimeProvider timeProvider)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    private readonly TimeProvider _timeProvider = timeProvider;

    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> and <c>Authorization</c> to <paramref name="request"/>.</summary>
    /// <param name="payload">The exact bytes that will be sent as the body.</param>
    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> payload, AwsCredentials credentials, string region, string service)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new ArgumentException("Only requests with an absolute URI can be signed.", nameof(request));
        }

        var amzDate = _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];

        // What is signed must be byte-for-byte what goes on the wire, so the Host header is pinned here.
        var host = request.Headers.Host ?? uri.Authority;
        request.Headers.Host = host;
        SetHeader(request, "X-Amz-Date", amzDate);

        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-amz-date"] = amzDate,
        };
        if (credentials.SessionToken is { } token)
        {
            SetHeader(request, "X-Amz-Security-Token", token);
            signed["x-amz-security-token"] = token;
        }

        var signedHeaders = string.Join(';', signed.Keys);
        var canonicalRequest = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(CanonicalUri(uri)).Append('\n')
            .Append(CanonicalQuery(uri)).Append('\n')
            .AppendJoin(string.Empty, signed.Select(h => $"{h.Key}:{h.Value.Trim()}\n")).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(Hex(SHA256.HashData(payload)))
            .ToString();

        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        SetHeader(
            request,
            "Authorization",
            $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    // Non-S3 services expect each path segment encoded once more on top of the URI's own encoding.
    private static string CanonicalUri(Uri uri)
    {
        var path = uri.AbsolutePath;
        return string.IsNullOrEmpty(path) ? "/" : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = query
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var separator = pair.IndexOf('=');
                var name = separator < 0 ? pair : pair[..separator];
                var value = separator < 0 ? string.Empty : pair[(separator + 1)..];
                return (Name: Uri.EscapeDataString(Uri.UnescapeDataString(name)), Value: Uri.EscapeDataString(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    private static void SetHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
