using System.Buffers;
using System.Buffers.Text;
using System.Text;
using NSec.Cryptography;

namespace Grains.Tickets;

/// <summary>
/// Ticket codes: base64url (no padding) of a small binary payload followed by its Ed25519 signature.
/// <code>
/// payload   = version(1) flags(1) event booking(varint) unit(varint) [seat]
///   flags   = bit 0: event id is 32 lowercase hex digits, stored as 16 bytes (else varint length + UTF-8)
///             bit 1: a seat follows (varint length + UTF-8); general admission has none
/// signature = Ed25519(private key, "ticket-code/1" || payload), 64 bytes
/// </code>
/// A scanner holding only the event's public key verifies a code without the network. A seated
/// ticket ("Stalls:F:14") is 96 bytes, 128 characters (QR version 8 at error correction M, 49
/// modules a side); a general-admission ticket 84 bytes, 112 characters.
/// </summary>
public static class TicketCodec
{
    public const int SignatureLength = 64;
    public const int MaxSeatIdBytes = 200;
    public const int MaxEventIdBytes = 200;

    private const byte Version = 1;
    private const byte HexEventId = 0x01;
    private const byte HasSeat = 0x02;
    private const int MaxCodeLength = 1024;

    // Signatures cover a context label too, so a signature over these bytes can never be replayed
    // as a signature of anything else the same key might sign later.
    private static readonly byte[] s_context = "ticket-code/1"u8.ToArray();

    public static string Sign(TicketPayload ticket, TicketKeyPair key)
    {
        var payload = Encode(ticket);
        using var privateKey = Key.Import(SignatureAlgorithm.Ed25519, key.PrivateKey, KeyBlobFormat.RawPrivateKey);
        if (!privateKey.PublicKey.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(key.PublicKey))
        {
            throw new InvalidOperationException($"Event {ticket.EventId}: the ticket key pair's public key does not belong to its private key.");
        }

        var signature = SignatureAlgorithm.Ed25519.Sign(privateKey, Signed(payload));
        return Base64Url.EncodeToString([.. payload, .. signature]);
    }

    /// <summary>Verifies <paramref name="code"/> as a ticket of <paramref name="eventId"/> with nothing but the event's public key.</summary>
    public static TicketVerification Verify(string? code, string eventId, TicketPublicKey key)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxCodeLength || !Base64Url.IsValid(code))
        {
            return Malformed("The code is not base64url text of a ticket.");
        }

        var bytes = Base64Url.DecodeFromChars(code);
        // Base64url leaves spare bits in the last character; a code whose spelling is not the
        // canonical one of its bytes is refused so that each ticket has exactly one code text.
        if (bytes.Length <= SignatureLength || Base64Url.EncodeToString(bytes) != code)
        {
            return Malformed("The code is too short or not in canonical base64url.");
        }

        var payload = bytes.AsSpan(0, bytes.Length - SignatureLength);
        var signature = bytes.AsSpan(bytes.Length - SignatureLength);
        if (!TryDecode(payload, out var ticket, out var problem))
        {
            return Malformed(problem);
        }

        // The event is read before the signature is checked so that a code of another event is
        // named as such (its signature, made with another key, would fail here anyway).
        if (ticket.EventId != eventId)
        {
            return new TicketVerification.Invalid(TicketCodeProblem.OtherEvent, $"The code is a ticket of event {ticket.EventId}, not of event {eventId}.");
        }

        return SignatureAlgorithm.Ed25519.Verify(key.Key, Signed(payload), signature)
            ? new TicketVerification.Valid(ticket)
            : new TicketVerification.Invalid(TicketCodeProblem.BadSignature, "The code's signature does not match: it was altered or not issued for this event.");
    }

    internal static byte[] Encode(TicketPayload ticket)
    {
        if (ticket.Booking <= 0 || ticket.Unit <= 0)
        {
            throw new ArgumentException($"Event {ticket.EventId}: booking {ticket.Booking}, unit {ticket.Unit}: both must be positive.", nameof(ticket));
        }

        var buffer = new ArrayBufferWriter<byte>(96);
        var hexEvent = IsLowerHex32(ticket.EventId);
        buffer.Write([Version, (byte)((hexEvent ? HexEventId : 0) | (ticket.SeatId is null ? 0 : HasSeat))]);
        if (hexEvent) buffer.Write(Convert.FromHexString(ticket.EventId));
        else WriteString(buffer, ticket.EventId, MaxEventIdBytes);
        WriteVarInt(buffer, ticket.Booking);
        WriteVarInt(buffer, ticket.Unit);
        if (ticket.SeatId is not null) WriteString(buffer, ticket.SeatId, MaxSeatIdBytes);
        return buffer.WrittenSpan.ToArray();
    }

    internal static bool TryDecode(ReadOnlySpan<byte> payload, out TicketPayload ticket, out string problem)
    {
        ticket = null!;
        var reader = new TicketCodeReader(payload);
        if (!reader.TryReadByte(out var version) || version != Version)
        {
            problem = $"Unknown ticket code version {version}.";
            return false;
        }

        problem = "The ticket payload is truncated or invalid.";
        if (!reader.TryReadByte(out var flags) || (flags & ~(HexEventId | HasSeat)) != 0) return false;
        string eventId;
        if ((flags & HexEventId) != 0)
        {
            if (!reader.TryReadBytes(16, out var raw)) return false;
            eventId = Convert.ToHexStringLower(raw);
        }
        else if (!reader.TryReadString(MaxEventIdBytes, out eventId) || eventId.Length == 0 || IsLowerHex32(eventId))
        {
            return false;
        }

        if (!reader.TryReadVarInt(out var booking) || booking <= 0) return false;
        if (!reader.TryReadVarInt(out var unit) || unit <= 0) return false;
        string? seat = null;
        if ((flags & HasSeat) != 0 && !reader.TryReadString(MaxSeatIdBytes, out seat)) return false;
        if (!reader.AtEnd) return false;
        ticket = new TicketPayload(eventId, booking, unit, seat);
        problem = "";
        return true;
    }

    private static byte[] Signed(ReadOnlySpan<byte> payload) => [.. s_context, .. payload];

    private static TicketVerification.Invalid Malformed(string detail) => new(TicketCodeProblem.Malformed, detail);

    internal static bool IsLowerHex32(string id) => id.Length == 32 && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    internal static void WriteVarInt(ArrayBufferWriter<byte> buffer, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            buffer.Write([(byte)(v | 0x80)]);
            v >>= 7;
        }

        buffer.Write([(byte)v]);
    }

    internal static void WriteString(ArrayBufferWriter<byte> buffer, string value, int maxBytes)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        if (utf8.Length > maxBytes)
        {
            throw new ArgumentException($"'{value}' is {utf8.Length} bytes of UTF-8; a ticket code holds at most {maxBytes}.", nameof(value));
        }

        WriteVarInt(buffer, utf8.Length);
        buffer.Write(utf8);
    }
}
