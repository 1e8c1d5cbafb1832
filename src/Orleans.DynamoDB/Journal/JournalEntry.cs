namespace OrleansDynamoDb.Journal;

/// <summary>One committed journal item: its sequence number and the payload as appended.</summary>
public sealed record JournalEntry(long Sequence, byte[] Payload);
