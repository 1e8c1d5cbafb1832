using Microsoft.Extensions.DependencyInjection;

namespace Grains;

/// <summary>
/// Orleans' <see cref="Grain"/> plus what every booking grain reads: its string key, the grains'
/// clock (Orleans' per-area TimeProvider, replaced by a fake one in tests) and removing a reminder by name.
/// </summary>
public abstract class BookingGrain : Grain
{
    private string? _key;
    private TimeProvider? _timeProvider;

    protected string GrainKey => _key ??= this.GetPrimaryKeyString();

    protected TimeProvider TimeProvider => _timeProvider ??= ServiceProvider.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains);

    /// <summary>Orleans removes a reminder by its handle; the grains know it only by name.</summary>
    protected async Task UnregisterReminder(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
