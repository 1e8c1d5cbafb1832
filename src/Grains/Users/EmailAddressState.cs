namespace Grains.Users;

public sealed class EmailAddressState
{
    public string? Owner { get; set; }
}
