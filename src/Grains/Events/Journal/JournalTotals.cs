namespace Grains.Events.Journal;

/// <summary>What a journal wrote since activation, for the event grain's periodic debug log.</summary>
internal readonly record struct JournalTotals(long Batches, long Changes, double WriteMilliseconds, long JournalBytes, long Snapshots, long SnapshotBytes);
