using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TestKit;

/// <summary>
/// Puts the grains (their timers and clock), the reminder service and the project's own services on
/// a test clock, while Orleans' own machinery (messaging, membership, activation collection) keeps
/// real time: advancing the test clock must not time out calls or declare silos dead.
/// </summary>
public static class GrainClock
{
    private const string RemindersKey = "Orleans.Reminders";

    public static void Use(IServiceCollection services, TimeProvider clock)
    {
        services.Replace(ServiceDescriptor.Singleton(clock));
        foreach (var key in SystemKeys()) services.AddKeyedSingleton(key, TimeProvider.System);
        services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
        services.AddKeyedSingleton(RemindersKey, clock);
    }

    private static IEnumerable<string> SystemKeys() =>
        typeof(TimeProviderNames).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(k => k != TimeProviderNames.Grains);
}
