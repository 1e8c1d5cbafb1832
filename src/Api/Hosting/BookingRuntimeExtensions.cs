using Grains.Hosting;

namespace Api.Hosting;

public static class BookingRuntimeExtensions
{
    public const string ModeKey = "Cluster:Mode";

    /// <summary>
    /// Where the grains run. OneProcess (default): this process is also the silo. Client: the API
    /// calls a separate silo cluster.
    /// </summary>
    public static WebApplicationBuilder AddBookingRuntime(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration[ModeKey] ?? "OneProcess";
        if (string.Equals(mode, "OneProcess", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddBookingGrains(builder.Configuration);
            return builder;
        }

        if (string.Equals(mode, "Client", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("Client mode arrives with the cluster");
        }

        throw new InvalidOperationException($"{ModeKey} is '{mode}'; expected OneProcess or Client.");
    }
}
