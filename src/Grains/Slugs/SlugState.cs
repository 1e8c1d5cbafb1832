namespace Grains.Slugs;

public sealed class SlugState
{
    public string? EventId { get; set; }
}
