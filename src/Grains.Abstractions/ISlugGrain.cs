namespace Grains.Abstractions;

/// <summary>Makes event slugs unique: key = slug, value = the event that claimed it first.</summary>
[Alias("ISlugGrain")]
public interface ISlugGrain : IGrainWithStringKey
{
    /// <summary>Claims the slug for the event; returns the event that owns it (the caller's if it won).</summary>
    [Alias("Claim")]
    Task<string> Claim(string eventId);

    [Alias("Release")]
    Task Release(string eventId);

    [Alias("Resolve")]
    Task<string?> Resolve();
}
