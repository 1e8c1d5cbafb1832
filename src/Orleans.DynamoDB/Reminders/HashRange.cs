namespace OrleansDynamoDb.Reminders;

/// <summary>An inclusive interval [First, Last] of grain hashes inside one index bucket.</summary>
internal readonly record struct HashRange(uint Bucket, uint First, uint Last)
{
    /// <summary>
    /// Orleans' ring range (begin, end]: begin excluded, end included; when begin >= end it wraps
    /// past uint.MaxValue to 0 (begin == end is the whole ring). Split into per-bucket intervals.
    /// </summary>
    public static IEnumerable<HashRange> Split(uint begin, uint end)
    {
        if (begin < end) return InBuckets(begin + 1, end);
        IEnumerable<HashRange> upper = begin == uint.MaxValue ? [] : InBuckets(begin + 1, uint.MaxValue);
        return upper.Concat(InBuckets(0, end));
    }

    private static IEnumerable<HashRange> InBuckets(uint first, uint last)
    {
        for (var bucket = RemindersTableLayout.BucketOf(first); bucket <= RemindersTableLayout.BucketOf(last); bucket++)
        {
            yield return new HashRange(
                bucket,
                Math.Max(first, RemindersTableLayout.FirstHashOf(bucket)),
                Math.Min(last, RemindersTableLayout.LastHashOf(bucket)));
        }
    }
}
