namespace Grains.Abstractions;

public static class EmailKinds
{
    public const string BookingConfirmation = "booking-confirmation";
    public const string Campaign = "campaign";
}
