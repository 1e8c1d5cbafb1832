namespace OrleansDynamoDb.Journal;

/// <summary>The state of a journal as of entry <see cref="Sequence"/>; replay continues after it.</summary>
public sealed record JournalSnapshot(long Sequence, byte[] Data);
