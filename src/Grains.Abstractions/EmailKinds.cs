namespace Grains.Abstractions;

public static class EmailKinds
{
    public const string BookingConfirmation = "booking-confirmation";
    public const string BookingReminder = "booking-reminder";
    public const string Campaign = "campaign";
    public const string WaitlistOffer = "waitlist-offer";
}
