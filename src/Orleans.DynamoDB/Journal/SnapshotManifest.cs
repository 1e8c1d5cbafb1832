namespace OrleansDynamoDb.Journal;

/// <summary>The manifest item: which snapshot is current, in how many chunks, of how many bytes in all.</summary>
internal readonly record struct SnapshotManifest(long Sequence, int Parts, int Bytes);
