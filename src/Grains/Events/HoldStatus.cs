namespace Grains.Events;

public enum HoldStatus : byte
{
    Active,
    Expired,
    Released,
    Confirmed,
}
