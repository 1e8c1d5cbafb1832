using Runtime;

namespace Grains.Abstractions;

/// <summary>Makes event slugs unique: key = slug, value = the event that claimed it first.</summary>
public interface ISlugGrain : IGrainWithStringKey
{
    /// <summary>Claims the slug for the event; returns the event that owns it (the caller's if it won).</summary>
    Task<string> Claim(string eventId);

    Task Release(string eventId);

    Task<string?> Resolve();
}
