namespace Runtime.Storage;

public sealed record StoredState(byte[] Data, long Version);
