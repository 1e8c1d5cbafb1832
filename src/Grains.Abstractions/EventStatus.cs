namespace Grains.Abstractions;

public enum EventStatus
{
    Draft,
    OnSale,
    Cancelled,
}
