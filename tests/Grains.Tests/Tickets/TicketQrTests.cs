using Grains.Tickets;

namespace Grains.Tests.Tickets;

public sealed class TicketQrTests
{
    private const string EventId = "0f9a3c5e7b2d4f6a8c1e3b5d7f9a2c4e";
    private static readonly TicketKeyPair s_key = TicketKeyPair.Generate();

    [Fact]
    public void QrDecodesBackToTheCode()
    {
        var code = TicketCodec.Sign(new TicketPayload(EventId, 1234, 3, "Orchestra:12:34"), s_key);

        var png = TicketQr.Png(code);

        Assert.Equal(code, QrDecoder.Decode(png));
    }

    [Fact]
    public void GeneralAdmissionQrDecodesBackToTheCode()
    {
        var code = TicketCodec.Sign(new TicketPayload(EventId, 8, 1, null), s_key);

        Assert.Equal(code, QrDecoder.Decode(TicketQr.Png(code, pixelsPerModule: 4)));
    }

    [Fact]
    public void QrIsAPng()
    {
        var png = TicketQr.Png("code");

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
    }

    [Fact]
    public void TypicalCodeNeedsASmallQrVersion()
    {
        var code = TicketCodec.Sign(new TicketPayload(EventId, 123_456, 10, "Upper Circle:AA:120"), s_key);

        Assert.InRange(TicketQr.VersionOf(code), 1, 8);
    }
}
