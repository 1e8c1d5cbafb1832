using Microsoft.Extensions.DependencyInjection;

namespace Grains;

/// <summary>
/// Orleans' <see cref="Grain"/> plus what every booking grain reads: its string key, the grains'
/// clock (Orleans' per-area TimeProvider, replaced by a fake one in tests) and reminders by name.
/// </summary>
public abstract class BookingGrain : Grain
{
    private string? _key;
    private TimeProvider? _timeProvider;

    protected string GrainKey => _key ??= this.GetPrimaryKeyString();

    protected TimeProvider TimeProvider => _timeProvider ??= ServiceProvider.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains);

    /// <summary>A durable reminder: fires even when this grain is inactive or its silo restarted.</summary>
    protected Task RegisterOrUpdateReminder(string name, TimeSpan dueTime, TimeSpan period) =>
        GrainReminderExtensions.RegisterOrUpdateReminder(this, name, dueTime, period);

    protected async Task UnregisterReminder(string name)
    {
        if (await GrainReminderExtensions.GetReminder(this, name) is { } reminder)
        {
            await GrainReminderExtensions.UnregisterReminder(this, reminder);
        }
    }
}
