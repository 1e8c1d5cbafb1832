namespace Grains.Abstractions;

/// <summary>What a scanner needs to verify an event's ticket codes offline; never the private key.</summary>
[GenerateSerializer, Immutable, Alias("TicketKeyView")]
public sealed record TicketKeyView
{
    /// <summary>"Ed25519".</summary>
    [Id(0)]
    public required string Algorithm { get; init; }

    /// <summary>Base64 DER SubjectPublicKeyInfo (RFC 8410).</summary>
    [Id(1)]
    public required string PublicKey { get; init; }
}
