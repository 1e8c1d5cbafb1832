using QRCoder;

namespace Grains.Tickets;

/// <summary>QR images of ticket codes, drawn as PNG without System.Drawing (which Linux lacks).</summary>
public static class TicketQr
{
    /// <summary>Modules per side at error correction M are 17 + 4 × version; a 128-character seated ticket code is version 8 (49 modules).</summary>
    public const int DefaultPixelsPerModule = 8;

    public static byte[] Png(string code, int pixelsPerModule = DefaultPixelsPerModule)
    {
        using var data = Generate(code);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The same QR image as a BMP, the lossless format PDFsharp's cross-platform build embeds (it refuses QRCoder's 1-bit PNGs).</summary>
    public static byte[] Bmp(string code, int pixelsPerModule = DefaultPixelsPerModule)
    {
        using var data = Generate(code);
        return new BitmapByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The QR version a code needs; scanners read versions up to about 10 quickly from a phone screen.</summary>
    public static int VersionOf(string code)
    {
        using var data = Generate(code);
        return data.Version;
    }

    // M recovers about 15 % of a damaged or creased code while keeping the symbol small; codes are
    // base64url, which QR stores in byte mode (8 bits a character).
    private static QRCodeData Generate(string code) => QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
}
