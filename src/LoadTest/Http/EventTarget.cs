namespace LoadTest.Http;

/// <summary>An event under load, with the request paths that never change precomputed.</summary>
internal sealed class EventTarget(string eventId)
{
    public string EventId { get; } = eventId;
    public string EscapedId { get; } = Uri.EscapeDataString(eventId);
    public string HoldsPath { get; } = $"events/{Uri.EscapeDataString(eventId)}/holds";
    public string CheckInsPath { get; } = $"events/{Uri.EscapeDataString(eventId)}/check-ins";

    public string HoldPath(string holdId) => $"{HoldsPath}/{Uri.EscapeDataString(holdId)}";

    public string ConfirmPath(string holdId) => $"{HoldsPath}/{Uri.EscapeDataString(holdId)}/confirm";
}
