namespace Grains.Users;

[GenerateSerializer, Alias("EmailAddressState")]
public sealed class EmailAddressState
{
    [Id(0)]
    public string? Owner { get; set; }
}
