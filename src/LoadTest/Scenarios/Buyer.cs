namespace LoadTest.Scenarios;

/// <summary>A virtual buyer: its own identity (token subject) and a ready-made Authorization header value.</summary>
internal sealed record Buyer(int Index, string UserId, string Authorization);
