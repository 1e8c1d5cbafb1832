namespace Api.CheckIns;

/// <summary>One scan of an offline gate.</summary>
public sealed record OfflineScanRequest(string? Code, string? Gate, DateTimeOffset? ScannedAt);
