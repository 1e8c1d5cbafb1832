namespace Grains.Email;

/// <summary>A campaign's recipients (fixed at start) and how far sending got.</summary>
[GenerateSerializer, Alias("CampaignState")]
public sealed class CampaignState
{
    [Id(0)]
    public string Subject { get; set; } = "";

    [Id(1)]
    public string Message { get; set; } = "";

    [Id(2)]
    public string RequestedBy { get; set; } = "";

    [Id(3)]
    public List<string> Recipients { get; set; } = [];

    /// <summary>Recipients before this index have an email in a final state, counted in <see cref="Sent"/> or <see cref="Failed"/>.</summary>
    [Id(4)]
    public int Cursor { get; set; }

    [Id(5)]
    public int Sent { get; set; }

    [Id(6)]
    public int Failed { get; set; }

    [Id(7)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(8)]
    public DateTimeOffset? CompletedAt { get; set; }
}
