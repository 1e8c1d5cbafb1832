using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Grains.Tests.Tickets;

/// <summary>Reads a QR code back from a PNG, as a scanner's camera would from a clean image.</summary>
internal static class QrDecoder
{
    public static string? Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException($"{png.Length} bytes are not an image SkiaSharp can decode.");
        using var rgba = bitmap.Copy(SKColorType.Rgba8888) ?? throw new InvalidDataException("The image could not be converted to RGBA.");
        var source = new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        return Read(source, pure: true) ?? Read(source, pure: false);
    }

    // Rendered codes are upright and exact, which ZXing's pure-barcode mode reads module by module;
    // its camera-oriented finder search misses about one such image in two hundred.
    private static string? Read(LuminanceSource source, bool pure)
    {
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = pure },
        };
        return reader.Decode(source)?.Text;
    }
}
