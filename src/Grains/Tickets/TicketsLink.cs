using System.Buffers;
using System.Buffers.Text;
using Grains.Events;
using NSec.Cryptography;

namespace Grains.Tickets;

/// <summary>
/// The access token of a booking's tickets link (the PDF a booking email links to, opened from a
/// mail client without a bearer token): base64url (no padding) of a small payload followed by its
/// Ed25519 signature with the event's ticket key, so no secret beyond that key exists.
/// <code>
/// payload   = version(1) flags(1) event booking(varint)
///   flags   = bit 0: event id is 32 lowercase hex digits, stored as 16 bytes (else varint length + UTF-8)
/// signature = Ed25519(private key, "tickets-link/1" || payload), 64 bytes
/// </code>
/// 83 to 87 bytes (111 to 116 characters) for the usual event id. Its own context label keeps a token from ever
/// verifying as a ticket code, and a ticket code from ever opening a link. The token does not
/// expire: whether it still serves tickets is the booking's state (a cancelled booking's link is
/// refused), decided by the event grain when the link is followed.
/// </summary>
public static class TicketsLink
{
    private const byte Version = 1;
    private const byte HexEventId = 0x01;
    private const int MaxTokenLength = 512;

    private static readonly byte[] s_context = "tickets-link/1"u8.ToArray();

    /// <summary>The tokens of <paramref name="bookings"/>, with one import of the private key for all of them.</summary>
    public static IReadOnlyList<string> Sign(string eventId, IReadOnlyList<int> bookings, TicketKeyPair key)
    {
        if (bookings.Count == 0) return [];
        using var privateKey = Key.Import(SignatureAlgorithm.Ed25519, key.PrivateKey, KeyBlobFormat.RawPrivateKey);
        if (!privateKey.PublicKey.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(key.PublicKey))
        {
            throw new InvalidOperationException($"Event {eventId}: the ticket key pair's public key does not belong to its private key.");
        }

        var tokens = new string[bookings.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            var payload = Encode(eventId, bookings[i]);
            var signature = SignatureAlgorithm.Ed25519.Sign(privateKey, Signed(payload));
            tokens[i] = Base64Url.EncodeToString([.. payload, .. signature]);
        }

        return tokens;
    }

    public static string Sign(string eventId, int booking, TicketKeyPair key) => Sign(eventId, [booking], key)[0];

    /// <summary>Null when <paramref name="token"/> opens booking <paramref name="booking"/> of <paramref name="eventId"/>; otherwise why not.</summary>
    public static TicketsLinkRefusal? Verify(string? token, string eventId, int booking, TicketPublicKey key)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return Malformed("The access token is not base64url text of a tickets link.");
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length <= TicketCodec.SignatureLength || Base64Url.EncodeToString(bytes) != token)
        {
            return Malformed("The access token is too short or not in canonical base64url.");
        }

        var payload = bytes.AsSpan(0, bytes.Length - TicketCodec.SignatureLength);
        var signature = bytes.AsSpan(bytes.Length - TicketCodec.SignatureLength);
        if (!TryDecode(payload, out var tokenEvent, out var tokenBooking, out var problem)) return Malformed(problem);

        // Named before the signature is checked (it would fail anyway, made with another key), so
        // that a link pasted into the wrong event's address says so.
        if (tokenEvent != eventId)
        {
            return new(TicketsLinkProblem.OtherEvent, $"The access token opens a booking of event {tokenEvent}, not of event {eventId}.");
        }

        if (!SignatureAlgorithm.Ed25519.Verify(key.Key, Signed(payload), signature))
        {
            return new(TicketsLinkProblem.BadSignature, "The access token's signature does not match: it was altered or not issued by this event.");
        }

        return tokenBooking == booking
            ? null
            : new(TicketsLinkProblem.OtherBooking, $"The access token opens booking {BookingIds.Format(eventId, tokenBooking)}, not booking {BookingIds.Format(eventId, booking)}.");
    }

    private static byte[] Encode(string eventId, int booking)
    {
        if (booking <= 0) throw new ArgumentOutOfRangeException(nameof(booking), booking, $"Event {eventId}: booking numbers are positive.");
        var buffer = new ArrayBufferWriter<byte>(24);
        var hexEvent = TicketCodec.IsLowerHex32(eventId);
        buffer.Write([Version, hexEvent ? HexEventId : (byte)0]);
        if (hexEvent) buffer.Write(Convert.FromHexString(eventId));
        else TicketCodec.WriteString(buffer, eventId, TicketCodec.MaxEventIdBytes);
        TicketCodec.WriteVarInt(buffer, booking);
        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryDecode(ReadOnlySpan<byte> payload, out string eventId, out int booking, out string problem)
    {
        eventId = "";
        booking = 0;
        var reader = new TicketCodeReader(payload);
        if (!reader.TryReadByte(out var version) || version != Version)
        {
            problem = $"Unknown tickets link version {version}.";
            return false;
        }

        problem = "The access token's payload is truncated or invalid.";
        if (!reader.TryReadByte(out var flags) || (flags & ~HexEventId) != 0) return false;
        if ((flags & HexEventId) != 0)
        {
            if (!reader.TryReadBytes(16, out var raw)) return false;
            eventId = Convert.ToHexStringLower(raw);
        }
        else if (!reader.TryReadString(TicketCodec.MaxEventIdBytes, out eventId) || eventId.Length == 0 || TicketCodec.IsLowerHex32(eventId))
        {
            return false;
        }

        if (!reader.TryReadVarInt(out booking) || booking <= 0 || !reader.AtEnd) return false;
        problem = "";
        return true;
    }

    private static byte[] Signed(ReadOnlySpan<byte> payload) => [.. s_context, .. payload];

    private static TicketsLinkRefusal Malformed(string detail) => new(TicketsLinkProblem.Malformed, detail);
}
