namespace Grains.Email;

/// <summary>A campaign's recipients (fixed at start) and how far sending got.</summary>
public sealed class CampaignState
{
    public string Subject { get; set; } = "";

    public string Message { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public List<string> Recipients { get; set; } = [];

    /// <summary>Recipients before this index have an email in a final state, counted in <see cref="Sent"/> or <see cref="Failed"/>.</summary>
    public int Cursor { get; set; }

    public int Sent { get; set; }

    public int Failed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
