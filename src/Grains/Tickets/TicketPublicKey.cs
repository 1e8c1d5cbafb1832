using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Grains.Tickets;

/// <summary>
/// What a scanner needs to verify ticket codes offline: the event's public key, served as
/// {algorithm, publicKey} with the key as base64 SubjectPublicKeyInfo (RFC 8410), which WebCrypto,
/// OpenSSL, BouncyCastle and libsodium-based scanners import as it is.
/// </summary>
public sealed class TicketPublicKey
{
    public const string AlgorithmName = "Ed25519";

    private TicketPublicKey(PublicKey key)
    {
        Key = key;
        SubjectPublicKeyInfo = Convert.ToBase64String(key.Export(KeyBlobFormat.PkixPublicKey));
    }

    public string Algorithm => AlgorithmName;

    /// <summary>Base64 of the DER SubjectPublicKeyInfo (44 bytes for Ed25519).</summary>
    public string SubjectPublicKeyInfo { get; }

    internal PublicKey Key { get; }

    public static TicketPublicKey FromRaw(byte[] publicKey) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key)
            ? new TicketPublicKey(key!)
            : throw new ArgumentException($"Not a raw Ed25519 public key ({publicKey.Length} bytes).", nameof(publicKey));

    /// <summary>Reads what <see cref="SubjectPublicKeyInfo"/> gives; false for anything that is not an Ed25519 key.</summary>
    public static bool TryParse(string? subjectPublicKeyInfo, [NotNullWhen(true)] out TicketPublicKey? key)
    {
        key = null;
        if (subjectPublicKeyInfo is null) return false;
        var der = new byte[subjectPublicKeyInfo.Length];
        if (!Convert.TryFromBase64String(subjectPublicKeyInfo, der, out var length)) return false;
        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, der.AsSpan(0, length), KeyBlobFormat.PkixPublicKey, out var imported)) return false;
        key = new TicketPublicKey(imported!);
        return true;
    }

    public override string ToString() => $"{Algorithm} {SubjectPublicKeyInfo}";
}
