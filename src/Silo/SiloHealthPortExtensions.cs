using Grains.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Silo;

public static class SiloHealthPortExtensions
{
    /// <summary>The silo's only HTTP listener: health checks on Silo:HealthPort (ECS and run.sh probe it).</summary>
    public static WebApplicationBuilder UseSiloHealthPort(this WebApplicationBuilder builder)
    {
        var options = ValidatedSection.Get<SiloEndpointOptions>(builder.Configuration, SiloEndpointOptions.SectionName);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(options.HealthPort, listen => listen.Protocols = HttpProtocols.Http1));
        return builder;
    }
}
