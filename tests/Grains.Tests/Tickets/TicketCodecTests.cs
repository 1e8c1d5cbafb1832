using System.Buffers.Text;
using Grains.Tickets;

namespace Grains.Tests.Tickets;

public sealed class TicketCodecTests
{
    private const string EventId = "0f9a3c5e7b2d4f6a8c1e3b5d7f9a2c4e";
    private static readonly TicketKeyPair s_key = TicketKeyPair.Generate();

    [Fact]
    public void SignedCodeVerifiesAsTheTicketItCarries()
    {
        var ticket = new TicketPayload(EventId, 12, 2, "Stalls:F:14");

        var verification = TicketCodec.Verify(TicketCodec.Sign(ticket, s_key), EventId, s_key.Public);

        var valid = Assert.IsType<TicketVerification.Valid>(verification);
        Assert.Equal(ticket, valid.Ticket);
        Assert.Equal("t12-2", valid.Ticket.TicketId);
        Assert.Equal("b12-" + EventId, valid.Ticket.BookingId);
    }

    [Fact]
    public void GeneralAdmissionTicketCarriesNoSeat()
    {
        var ticket = new TicketPayload(EventId, 3, 5, null);

        var valid = Assert.IsType<TicketVerification.Valid>(TicketCodec.Verify(TicketCodec.Sign(ticket, s_key), EventId, s_key.Public));

        Assert.Null(valid.Ticket.SeatId);
        Assert.Equal(ticket, valid.Ticket);
    }

    [Fact]
    public void EventIdsThatAreNotHexGuidsRoundTrip()
    {
        var ticket = new TicketPayload("launch-événement", 1, 1, "A:1:1");

        var valid = Assert.IsType<TicketVerification.Valid>(TicketCodec.Verify(TicketCodec.Sign(ticket, s_key), ticket.EventId, s_key.Public));

        Assert.Equal(ticket, valid.Ticket);
    }

    [Fact]
    public void SameTicketAlwaysHasTheSameCode()
    {
        var ticket = new TicketPayload(EventId, 7, 1, "A:1:1");

        // Ed25519 signatures are deterministic: the list, the QR image and the PDF show one code.
        Assert.Equal(TicketCodec.Sign(ticket, s_key), TicketCodec.Sign(ticket with { }, s_key));
    }

    [Fact]
    public void TypicalSeatedCodeFitsASmallQr()
    {
        var code = TicketCodec.Sign(new TicketPayload(EventId, 1234, 3, "Orchestra:12:34"), s_key);

        Assert.InRange(code.Length, 120, 140);
        Assert.True(Base64Url.IsValid(code));
    }

    [Fact]
    public void AlteredByteInCodeIsRefused()
    {
        var code = TicketCodec.Sign(new TicketPayload(EventId, 12, 2, "Stalls:F:14"), s_key);
        var bytes = Base64Url.DecodeFromChars(code);

        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var flip in new byte[] { 0x01, 0x80 })
            {
                var altered = (byte[])bytes.Clone();
                altered[i] ^= flip;

                var verification = TicketCodec.Verify(Base64Url.EncodeToString(altered), EventId, s_key.Public);

                Assert.IsType<TicketVerification.Invalid>(verification);
            }
        }
    }

    [Fact]
    public void AlteredSignatureIsNamedAsBadSignature()
    {
        var code = TicketCodec.Sign(new TicketPayload(EventId, 12, 2, "Stalls:F:14"), s_key);
        var bytes = Base64Url.DecodeFromChars(code);
        bytes[^1] ^= 0x01;

        var invalid = Assert.IsType<TicketVerification.Invalid>(TicketCodec.Verify(Base64Url.EncodeToString(bytes), EventId, s_key.Public));

        Assert.Equal(TicketCodeProblem.BadSignature, invalid.Problem);
    }

    [Fact]
    public void AlteredSeatIsNamedAsBadSignature()
    {
        var code = TicketCodec.Sign(new TicketPayload(EventId, 12, 2, "Stalls:F:14"), s_key);
        var bytes = Base64Url.DecodeFromChars(code);
        var seat = bytes.AsSpan().IndexOf("F:14"u8);
        bytes[seat + 3] = (byte)'5';

        var invalid = Assert.IsType<TicketVerification.Invalid>(TicketCodec.Verify(Base64Url.EncodeToString(bytes), EventId, s_key.Public));

        Assert.Equal(TicketCodeProblem.BadSignature, invalid.Problem);
    }

    [Fact]
    public void CodeOfAnotherEventIsRefused()
    {
        var otherKey = TicketKeyPair.Generate();
        var otherEvent = "1111111111111111111111111111111a";
        var code = TicketCodec.Sign(new TicketPayload(otherEvent, 1, 1, "A:1:1"), otherKey);

        var invalid = Assert.IsType<TicketVerification.Invalid>(TicketCodec.Verify(code, EventId, s_key.Public));

        Assert.Equal(TicketCodeProblem.OtherEvent, invalid.Problem);
        Assert.Contains(otherEvent, invalid.Detail);
    }

    [Fact]
    public void CodeForThisEventSignedWithAnotherKeyIsForged()
    {
        var forger = TicketKeyPair.Generate();
        var code = TicketCodec.Sign(new TicketPayload(EventId, 1, 1, "A:1:1"), forger);

        var invalid = Assert.IsType<TicketVerification.Invalid>(TicketCodec.Verify(code, EventId, s_key.Public));

        Assert.Equal(TicketCodeProblem.BadSignature, invalid.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a code!")]
    [InlineData("AQ")]
    [InlineData("====")]
    public void TextThatIsNoTicketCodeIsMalformed(string code)
    {
        var invalid = Assert.IsType<TicketVerification.Invalid>(TicketCodec.Verify(code, EventId, s_key.Public));

        Assert.Equal(TicketCodeProblem.Malformed, invalid.Problem);
    }

    [Fact]
    public void TruncatedCodeIsMalformedOrBadlySigned()
    {
        var code = TicketCodec.Sign(new TicketPayload(EventId, 12, 2, "Stalls:F:14"), s_key);

        for (var length = 0; length < code.Length; length++)
        {
            Assert.IsType<TicketVerification.Invalid>(TicketCodec.Verify(code[..length], EventId, s_key.Public));
        }
    }

    [Fact]
    public void NonCanonicalSpellingOfACodeIsRefused()
    {
        // A payload whose length is no multiple of 3 leaves spare bits in the last character.
        var code = new[] { "A", "AB", "ABC" }
            .Select(seat => TicketCodec.Sign(new TicketPayload(EventId, 12, 2, seat), s_key))
            .First(c => c.Length % 4 != 0);
        var spare = code[..^1] + Base64UrlSibling(code[^1]);

        var invalid = Assert.IsType<TicketVerification.Invalid>(TicketCodec.Verify(spare, EventId, s_key.Public));
        Assert.Equal(TicketCodeProblem.Malformed, invalid.Problem);
    }

    [Fact]
    public void ScannerWithOnlyThePublicKeyVerifiesCode()
    {
        var code = TicketCodec.Sign(new TicketPayload(EventId, 40, 1, "Balcony:B:7"), s_key);
        // All a scanner is given: the {algorithm, publicKey} document, as text.
        var (algorithm, publicKey) = (s_key.Public.Algorithm, s_key.Public.SubjectPublicKeyInfo);

        Assert.Equal("Ed25519", algorithm);
        Assert.True(TicketPublicKey.TryParse(publicKey, out var scannerKey));
        var valid = Assert.IsType<TicketVerification.Valid>(TicketCodec.Verify(code, EventId, scannerKey));
        Assert.Equal("Balcony:B:7", valid.Ticket.SeatId);
    }

    [Fact]
    public void PublicKeyIsServedAsStandardSubjectPublicKeyInfo()
    {
        var der = Convert.FromBase64String(s_key.Public.SubjectPublicKeyInfo);

        // RFC 8410: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING { 32-byte key } }.
        Assert.Equal(Convert.FromHexString("302a300506032b6570032100"), der[..12]);
        Assert.Equal(s_key.PublicKey, der[12..]);
        Assert.False(TicketPublicKey.TryParse("not a key", out _));
        Assert.False(TicketPublicKey.TryParse(Convert.ToBase64String(new byte[44]), out _));
    }

    [Fact]
    public void KeyPairDoesNotPrintItsPrivateKey()
    {
        Assert.DoesNotContain(Convert.ToBase64String(s_key.PrivateKey), s_key.ToString());
        Assert.Contains(s_key.Public.SubjectPublicKeyInfo, s_key.ToString());
    }

    [Fact]
    public void KeyPairSurvivesOrleansSerializationAndJson()
    {
        var ticket = new TicketPayload(EventId, 2, 1, "A:1:1");

        var stored = OrleansCopy.RoundTrip(s_key);
        var journaled = System.Text.Json.JsonSerializer.Deserialize<TicketKeyPair>(System.Text.Json.JsonSerializer.Serialize(s_key))!;

        Assert.Equal(TicketCodec.Sign(ticket, s_key), TicketCodec.Sign(ticket, stored));
        Assert.Equal(TicketCodec.Sign(ticket, s_key), TicketCodec.Sign(ticket, journaled));
        Assert.DoesNotContain("Public\"", System.Text.Json.JsonSerializer.Serialize(s_key));
    }

    [Fact]
    public void KeyPairWhosePublicKeyIsNotItsOwnCannotSign()
    {
        var mismatched = s_key with { PublicKey = TicketKeyPair.Generate().PublicKey };

        var error = Assert.Throws<InvalidOperationException>(() => TicketCodec.Sign(new TicketPayload(EventId, 1, 1, null), mismatched));
        Assert.Contains(EventId, error.Message);
    }

    private static char Base64UrlSibling(char last)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // Flipping the lowest bit changes only spare bits when the last character carries any.
        return alphabet[alphabet.IndexOf(last) ^ 1];
    }
}
