using System.Text;
using Grains.Events.Journal;

namespace Grains.Tests.Events;

public sealed class JournalCodecTests
{
    private static readonly byte[] s_batch = Encoding.UTF8.GetBytes(
        "[" + string.Join(",", Enumerable.Range(1, 70).Select(i => $$"""{"$type":"held","holdId":"h-{{i}}","holder":"buyer-{{i % 16}}","seats":["A-1-{{i}}","A-1-{{i + 1}}"]}""")) + "]");

    [Fact]
    public void CompressedBatchReadsBackAsTheSameJson()
    {
        var stored = JournalCodec.Compress(s_batch);

        Assert.Equal(JournalCodec.BrotliFormat, stored[0]);
        Assert.Equal(s_batch, JournalCodec.Json(stored).ToArray());
    }

    [Fact]
    public void BatchOfChangesIsStoredAtAFractionOfItsJson()
    {
        var stored = JournalCodec.Compress(s_batch);

        Assert.True(stored.Length * 4 < s_batch.Length, $"{s_batch.Length} bytes of JSON were stored as {stored.Length}.");
    }

    [Fact]
    public void PlainJsonPayloadIsReadAsIs()
    {
        Assert.Equal(s_batch, JournalCodec.Json(s_batch).ToArray());
    }

    [Fact]
    public void TruncatedPayloadIsRejectedAsInvalidData()
    {
        var stored = JournalCodec.Compress(s_batch);

        Assert.Throws<InvalidDataException>(() => JournalCodec.Json(stored[..(stored.Length / 2)]));
        Assert.Throws<InvalidDataException>(() => JournalCodec.Json(stored[..3]));
    }
}
