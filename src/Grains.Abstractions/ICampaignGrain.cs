namespace Grains.Abstractions;

/// <summary>
/// An email campaign (key = campaign id). Start fixes the recipient set and returns at once; the
/// emails go out in the background with bounded concurrency, resuming after a crash.
/// </summary>
[Alias("ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Starts the campaign; starting it again returns its progress (Created = false).</summary>
    [Alias("Start")]
    Task<Outcome<CampaignView>> Start(StartCampaign command);

    [Alias("Get")]
    Task<CampaignView?> Get();
}
