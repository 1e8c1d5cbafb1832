using System.Buffers.Binary;
using System.IO.Compression;

namespace Grains.Events.Journal;

/// <summary>
/// Stored form of journal entries and snapshots: JSON, Brotli-compressed at its fastest quality.
/// The JSON of a batch of changes shrinks several times over, and the bytes are what DynamoDB
/// bills (write units per KB) and what the store has to parse, so compressing pays for itself.
/// Layout: one format byte (<see cref="BrotliFormat"/>), the JSON length (int32, little endian),
/// then the Brotli stream. Plain JSON (first byte <c>[</c> or <c>{</c>) is read as is.
/// </summary>
internal static class JournalCodec
{
    public const byte BrotliFormat = 0x01;
    private const int HeaderBytes = 5;
    private const int Quality = 1;
    private const int Window = 22;

    public static byte[] Compress(ReadOnlySpan<byte> json)
    {
        var output = new byte[HeaderBytes + BrotliEncoder.GetMaxCompressedLength(json.Length)];
        output[0] = BrotliFormat;
        BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(1), json.Length);
        if (!BrotliEncoder.TryCompress(json, output.AsSpan(HeaderBytes), out var written, Quality, Window))
        {
            throw new InvalidOperationException($"Brotli could not compress {json.Length} bytes into {output.Length - HeaderBytes}.");
        }

        return output.AsSpan(0, HeaderBytes + written).ToArray();
    }

    /// <summary>The JSON a stored payload holds, whether it was compressed or not.</summary>
    public static ReadOnlyMemory<byte> Json(byte[] stored)
    {
        if (stored.Length == 0 || stored[0] != BrotliFormat) return stored;
        if (stored.Length < HeaderBytes) throw new InvalidDataException($"Compressed journal payload of {stored.Length} bytes has no header.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(stored.AsSpan(1));
        if (length < 0) throw new InvalidDataException($"Compressed journal payload claims {length} bytes.");
        var json = new byte[length];
        if (!BrotliDecoder.TryDecompress(stored.AsSpan(HeaderBytes), json, out var written) || written != length)
        {
            throw new InvalidDataException($"Compressed journal payload of {stored.Length} bytes does not hold the {length} bytes it claims.");
        }

        return json;
    }
}
