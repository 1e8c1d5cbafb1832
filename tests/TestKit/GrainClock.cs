using Microsoft.Extensions.DependencyInjection;

namespace TestKit;

/// <summary>
/// Puts the grains (their clock and timers) on a test clock, while the rest of the silo, Orleans'
/// own machinery included (messaging, membership, reminders' scheduling, activation collection),
/// keeps real time: advancing the test clock must neither time out calls nor declare silos dead.
/// </summary>
public static class GrainClock
{
    public static void Use(IServiceCollection services, TimeProvider clock) =>
        services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
}
