using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Api.Problems;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Requests;

/// <summary>
/// Reads the Idempotency-Key header and fingerprints the request, so the grain can replay the
/// first answer to a retry and refuse (422) the same key reused for a different request.
/// </summary>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";

    public const int MaxKeyLength = 200;

    /// <summary>
    /// False with a problem when the header is present but malformed; true otherwise, with the
    /// idempotency (or null when the client sent no key).
    /// </summary>
    /// <remarks>
    /// Keys are scoped to the caller: a grain keeps one key space for all its users, and two
    /// buyers who happen to pick the same key must never be answered with each other's result.
    /// </remarks>
    public static bool TryRead<T>(HttpContext http, Caller caller, T? body, JsonTypeInfo<T>? bodyType, out Grains.Abstractions.Idempotency? idempotency, out ProblemHttpResult? problem)
    {
        idempotency = null;
        if (!TryReadKey(http, out var key, out problem)) return false;
        if (key is null) return true;

        idempotency = new Grains.Abstractions.Idempotency
        {
            Key = $"{caller.UserId}/{key}",
            Fingerprint = Fingerprint(http.Request.Method, http.Request.Path.Value ?? "", body, bodyType),
        };
        return true;
    }

    /// <summary>The same for a request without a body.</summary>
    public static bool TryRead(HttpContext http, Caller caller, out Grains.Abstractions.Idempotency? idempotency, out ProblemHttpResult? problem) =>
        TryRead<object>(http, caller, null, null, out idempotency, out problem);

    public static bool TryReadKey(HttpContext http, out string? key, out ProblemHttpResult? problem)
    {
        key = null;
        problem = null;
        var values = http.Request.Headers[HeaderName];
        if (values.Count == 0) return true;

        var value = values.Count == 1 ? values[0] : null;
        if (value is null || !IsValidKey(value))
        {
            problem = ApiProblems.BadRequest(
                "Invalid Idempotency-Key",
                $"The {HeaderName} header must be given once, with 1 to {MaxKeyLength} printable ASCII characters.");
            return false;
        }

        key = value;
        return true;
    }

    public static bool IsValidKey(string value)
    {
        if (value.Length is 0 or > MaxKeyLength) return false;
        foreach (var c in value)
        {
            if (c is < ' ' or > '~') return false;
        }

        return true;
    }

    /// <summary>
    /// A resource created under an idempotency key gets an id derived from (kind, caller-scoped
    /// key), so a retry reaches the same grain, which then replays its first answer.
    /// </summary>
    public static string DeriveId(string kind, string scopedKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{scopedKey}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>SHA-256 (hex) of method, path and the canonical JSON of the bound body.</summary>
    public static string Fingerprint<T>(string method, string path, T? body, JsonTypeInfo<T>? bodyType)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write(Encoding.UTF8.GetBytes($"{method}\n{path}\n"));
        if (body is not null && bodyType is not null)
        {
            // Re-serializing the bound body normalizes whitespace, number forms and absent-vs-null;
            // sorting object members makes the order the client wrote them in irrelevant.
            using var document = JsonSerializer.SerializeToDocument(body, bodyType);
            using var writer = new Utf8JsonWriter(buffer);
            CanonicalJson.Write(document.RootElement, writer);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
