using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Grains.Tickets;

/// <summary>
/// Serves PDFsharp the Roboto faces compiled into this assembly. PDFsharp reads font files to
/// measure and embed text, and Linux hosts and containers have no fonts it can rely on; the fonts
/// PDFsharp ships (Segoe WP) are meant for its samples, not for production documents.
/// </summary>
public sealed class TicketFonts : IFontResolver
{
    public const string Family = "Roboto";

    private const string Regular = "Roboto-Regular";
    private const string Bold = "Roboto-Bold";
    private static readonly Lock s_registration = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private TicketFonts()
    {
    }

    public static TicketFonts Instance { get; } = new();

    /// <summary>
    /// PDFsharp takes one global resolver, set before its first use. Ours becomes it, or the fallback
    /// when the host registered its own first, which then still answers every other family.
    /// </summary>
    public static void Register()
    {
        lock (s_registration)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = Instance;
            else if (GlobalFontSettings.FontResolver != Instance && GlobalFontSettings.FallbackFontResolver is null) GlobalFontSettings.FallbackFontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)) return null;
        // Roboto's italic faces are not embedded; PDFsharp slants the upright ones instead.
        return new FontResolverInfo(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);
    }

    public byte[]? GetFont(string faceName) => faceName is Regular or Bold ? _faces.GetOrAdd(faceName, Load) : null;

    private static byte[] Load(string faceName)
    {
        var name = $"Grains.Tickets.Fonts.{faceName}.ttf";
        using var stream = typeof(TicketFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Font resource {name} is missing from {typeof(TicketFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
