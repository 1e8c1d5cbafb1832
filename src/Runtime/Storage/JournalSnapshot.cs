namespace Runtime.Storage;

public sealed record JournalSnapshot(long Sequence, byte[] Data);
