using Grains.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Grains.Tests.Tickets;

/// <summary>Writes and reads a value with Orleans' serializer, as grain state and messages are.</summary>
internal static class OrleansCopy
{
    private static readonly Serializer s_serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(CheckInLedger).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static T RoundTrip<T>(T value) => s_serializer.Deserialize<T>(s_serializer.SerializeToArray(value))
        ?? throw new InvalidDataException($"{typeof(T).Name} read back as null.");
}
