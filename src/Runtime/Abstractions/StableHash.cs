using System.Text;

namespace Runtime;

/// <summary>A hash that is the same in every process and version (string.GetHashCode is not), for shards and placement.</summary>
public static class StableHash
{
    /// <summary>64-bit FNV-1a over the UTF-8 bytes, finished with a mixer so nearby keys spread.</summary>
    public static ulong Of(string value)
    {
        Span<byte> buffer = value.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        var hash = 14695981039346656037UL;
        foreach (var b in buffer[..length])
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>Mixes two hashes into one (splitmix64 finalizer), so pairs rank independently of each part.</summary>
    public static ulong Combine(ulong a, ulong b)
    {
        var x = a ^ (b * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
