namespace Grains.Abstractions;

/// <summary>Keeps email addresses unique across users: key = the normalized (trimmed, lower-case) address.</summary>
[Alias("IEmailAddressGrain")]
public interface IEmailAddressGrain : IGrainWithStringKey
{
    /// <summary>Claims the address for the user; returns the user that owns it (the caller if it won).</summary>
    [Alias("Claim")]
    Task<string> Claim(string userId);

    /// <summary>Releases the address if the user owns it.</summary>
    [Alias("Release")]
    Task Release(string userId);

    [Alias("Owner")]
    Task<string?> Owner();
}
