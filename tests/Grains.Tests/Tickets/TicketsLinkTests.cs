using System.Buffers.Text;
using Grains.Tickets;

namespace Grains.Tests.Tickets;

public sealed class TicketsLinkTests
{
    private const string EventId = "0f9a3c5e7b2d4f6a8c1e3b5d7f9a2c4e";
    private static readonly TicketKeyPair s_key = TicketKeyPair.Generate();

    [Fact]
    public void SignedTokenOpensItsBooking()
    {
        var token = TicketsLink.Sign(EventId, 12, s_key);

        Assert.Null(TicketsLink.Verify(token, EventId, 12, s_key.Public));
        Assert.True(Base64Url.IsValid(token));
        // Compact enough for any mail client's link: 83 bytes for the usual event id and a booking below 128.
        Assert.Equal(111, token.Length);
    }

    [Fact]
    public void SameBookingAlwaysHasTheSameToken()
    {
        // A redelivered booking message carries the token the first delivery did.
        Assert.Equal(TicketsLink.Sign(EventId, 7, s_key), TicketsLink.Sign(EventId, [3, 7], s_key)[1]);
    }

    [Fact]
    public void EventIdsThatAreNotHexGuidsRoundTrip()
    {
        var token = TicketsLink.Sign("launch-événement", 1, s_key);

        Assert.Null(TicketsLink.Verify(token, "launch-événement", 1, s_key.Public));
    }

    [Fact]
    public void TokenOfAnotherBookingIsNamedAsSuch()
    {
        var token = TicketsLink.Sign(EventId, 12, s_key);

        var refusal = TicketsLink.Verify(token, EventId, 13, s_key.Public);

        Assert.Equal(TicketsLinkProblem.OtherBooking, refusal?.Problem);
        Assert.Contains("b12-" + EventId, refusal!.Detail);
    }

    [Fact]
    public void TokenOfAnotherEventIsNamedAsSuch()
    {
        var otherEvent = "1111111111111111111111111111111a";
        var token = TicketsLink.Sign(otherEvent, 12, TicketKeyPair.Generate());

        var refusal = TicketsLink.Verify(token, EventId, 12, s_key.Public);

        Assert.Equal(TicketsLinkProblem.OtherEvent, refusal?.Problem);
        Assert.Contains(otherEvent, refusal!.Detail);
    }

    [Fact]
    public void EveryAlteredBitIsRefused()
    {
        var bytes = Base64Url.DecodeFromChars(TicketsLink.Sign(EventId, 12, s_key));

        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var flip in new byte[] { 0x01, 0x80 })
            {
                var altered = (byte[])bytes.Clone();
                altered[i] ^= flip;

                Assert.NotNull(TicketsLink.Verify(Base64Url.EncodeToString(altered), EventId, 12, s_key.Public));
            }
        }
    }

    [Fact]
    public void AlteredBookingNumberIsNamedAsBadSignature()
    {
        var bytes = Base64Url.DecodeFromChars(TicketsLink.Sign(EventId, 12, s_key));
        // version, flags, 16 bytes of event id, then the booking number (one byte for 12).
        bytes[18] = 13;

        var refusal = TicketsLink.Verify(Base64Url.EncodeToString(bytes), EventId, 13, s_key.Public);

        Assert.Equal(TicketsLinkProblem.BadSignature, refusal?.Problem);
    }

    [Fact]
    public void TokenForThisEventSignedWithAnotherKeyIsForged()
    {
        var token = TicketsLink.Sign(EventId, 12, TicketKeyPair.Generate());

        Assert.Equal(TicketsLinkProblem.BadSignature, TicketsLink.Verify(token, EventId, 12, s_key.Public)?.Problem);
    }

    [Fact]
    public void TicketCodesAndTokensNeverStandInForEachOther()
    {
        // Both are signed with the event's key, each under its own context label.
        var code = TicketCodec.Sign(new TicketPayload(EventId, 12, 1, null), s_key);
        var token = TicketsLink.Sign(EventId, 12, s_key);

        Assert.NotNull(TicketsLink.Verify(code, EventId, 12, s_key.Public));
        Assert.IsType<TicketVerification.Invalid>(TicketCodec.Verify(token, EventId, s_key.Public));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token!")]
    [InlineData("AQ")]
    [InlineData("====")]
    public void TextThatIsNoTokenIsMalformed(string token)
    {
        Assert.Equal(TicketsLinkProblem.Malformed, TicketsLink.Verify(token, EventId, 12, s_key.Public)?.Problem);
    }

    [Fact]
    public void TruncatedTokenIsRefused()
    {
        var token = TicketsLink.Sign(EventId, 12, s_key);

        for (var length = 0; length < token.Length; length++)
        {
            Assert.NotNull(TicketsLink.Verify(token[..length], EventId, 12, s_key.Public));
        }
    }
}
