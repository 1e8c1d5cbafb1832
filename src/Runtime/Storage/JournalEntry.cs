namespace Runtime.Storage;

public sealed record JournalEntry(long Sequence, byte[] Payload);
