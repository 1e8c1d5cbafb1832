using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansDynamoDb.Storage;
using Xunit;

namespace OrleansDynamoDb.Tests.Storage;

public sealed class GrainStorageRegistrationTests
{
    [Fact]
    public void Named_registration_resolves_by_name_and_takes_part_in_the_silo_lifecycle()
    {
        using var host = Build(silo => silo.AddDynamoDbGrainStorage("orders"));

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("orders");

        Assert.IsType<DynamoDbGrainStorage>(storage);
        Assert.Null(host.Services.GetService<IGrainStorage>());
        Assert.Contains((ILifecycleParticipant<ISiloLifecycle>)storage, host.Services.GetServices<ILifecycleParticipant<ISiloLifecycle>>());
    }

    [Fact]
    public void Default_registration_resolves_as_the_unnamed_grain_storage()
    {
        using var host = Build(silo => silo.AddDynamoDbGrainStorageAsDefault());

        Assert.IsType<DynamoDbGrainStorage>(host.Services.GetService<IGrainStorage>());
    }

    // Built, never started: resolving the provider needs only the silo's services.
    private static IHost Build(Action<Orleans.Hosting.ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => configure(silo.UseLocalhostClustering()));
        return builder.Build();
    }
}
