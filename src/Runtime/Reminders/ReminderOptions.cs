namespace Runtime.Reminders;

/// <summary>Reminder delivery settings, bound from the "Reminders" configuration section.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>How often the reminder table is read for due reminders; bounds the delivery delay of a reminder whose grain is inactive. Default 1 second.</summary>
    public TimeSpan ScanPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait before a reminder whose delivery failed is tried again. Default 5 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
