using System.Text.Json.Serialization;
using NSec.Cryptography;

namespace Grains.Tickets;

/// <summary>
/// An event's ticket signing key (Ed25519), as the event grain keeps it in its durable state.
/// The private key never leaves the grain; scanners get <see cref="Public"/> only.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketKeyPair")]
public sealed record TicketKeyPair
{
    /// <summary>The 32-byte Ed25519 seed (RFC 8032 private key).</summary>
    [Id(0)]
    public required byte[] PrivateKey { get; init; }

    /// <summary>The 32-byte Ed25519 public key, kept so that serving it never touches the private key.</summary>
    [Id(1)]
    public required byte[] PublicKey { get; init; }

    [JsonIgnore]
    public TicketPublicKey Public => TicketPublicKey.FromRaw(PublicKey);

    public static TicketKeyPair Generate()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters
        {
            ExportPolicy = KeyExportPolicies.AllowPlaintextExport,
        });
        return new TicketKeyPair
        {
            PrivateKey = key.Export(KeyBlobFormat.RawPrivateKey),
            PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey),
        };
    }

    // The generated ToString would print the private key's type only, but a log line naming the
    // public key is what anyone debugging a scanner needs.
    public override string ToString() => $"TicketKeyPair {{ Algorithm = {TicketPublicKey.AlgorithmName}, PublicKey = {Public.SubjectPublicKeyInfo} }}";
}
