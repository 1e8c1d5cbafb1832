namespace Grains.Slugs;

[GenerateSerializer, Alias("SlugState")]
public sealed class SlugState
{
    [Id(0)]
    public string? EventId { get; set; }
}
