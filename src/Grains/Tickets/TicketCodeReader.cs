using System.Text;

namespace Grains.Tickets;

/// <summary>Reads the binary ticket payload; every read says whether it succeeded, since codes come from anyone.</summary>
internal ref struct TicketCodeReader(ReadOnlySpan<byte> bytes)
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position == _bytes.Length;

    public bool TryReadByte(out byte value)
    {
        value = 0;
        if (_position >= _bytes.Length) return false;
        value = _bytes[_position++];
        return true;
    }

    public bool TryReadBytes(int count, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (count > _bytes.Length - _position) return false;
        value = _bytes.Slice(_position, count);
        _position += count;
        return true;
    }

    /// <summary>LEB128 as BinaryWriter.Write7BitEncodedInt writes it; only the shortest form is accepted, so a code has one spelling.</summary>
    public bool TryReadVarInt(out int value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (!TryReadByte(out var b)) return false;
            if (shift == 28 && b > 0x07) return false;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return b != 0 || shift == 0;
        }

        return false;
    }

    public bool TryReadString(int maxBytes, out string value)
    {
        value = "";
        if (!TryReadVarInt(out var length) || length > maxBytes || !TryReadBytes(length, out var utf8)) return false;
        try
        {
            value = s_strictUtf8.GetString(utf8);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
