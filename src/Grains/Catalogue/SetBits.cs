using System.Numerics;
using Lucene.Net.Util;

namespace Grains.Catalogue;

/// <summary>The set bits of a <see cref="FixedBitSet"/>, ascending, word by word (foreach without allocating).</summary>
internal struct SetBits(FixedBitSet bits)
{
    private readonly long[] _words = bits.GetBits();
    private readonly int _count = FixedBitSet.Bits2words(bits.Length);
    private int _word = -1;
    private ulong _current;

    public int Current { get; private set; }

    public readonly SetBits GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_current == 0)
        {
            if (++_word >= _count) return false;
            _current = (ulong)_words[_word];
        }

        Current = (_word << 6) + BitOperations.TrailingZeroCount(_current);
        _current &= _current - 1;
        return true;
    }
}
