using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Runtime.Activation;
using Runtime.Cluster;
using Runtime.Cluster.Messaging;
using Runtime.Invocation;
using Runtime.Storage;
using Runtime.Tests.Grains;
using TestKit;

namespace Runtime.Tests.Messaging;

public sealed class ClusterCallRouterTests
{
    [Fact]
    public async Task TheConnectionToASiloIsClosedOnceItIsDeadNotWhileItShutsDown()
    {
        using var silo = new FakeSilo((connection, kind, id, _) =>
        {
            if (kind == FrameKind.Call) connection.Send(FrameKind.Error, id, CallCodec.EncodeError(WireErrors.Failed, "not implemented here"));
        });
        var table = new ListedSilos(Row(silo.Address, SiloStatus.Active));
        var membership = new ClusterMembership(table, NullLogger<ClusterMembership>.Instance);
        await membership.RefreshAsync(CancellationToken.None);
        using var router = new ClusterCallRouter(
            membership,
            null,
            null,
            new CallCodec(new GrainStateSerializer([])),
            Options.Create(new ClusterOptions { Secret = "the-secret" }),
            TimeProvider.System,
            NullLogger<ClusterCallRouter>.Instance);
        var grain = new GrainFactory(new GrainTypeRegistry(), new Lazy<IGrainCallRouter>(router)).GetGrain<ICounterGrain>("k");

        await Assert.ThrowsAsync<GrainCallException>(() => grain.Increment().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, silo.Open);

        // A silo that is shutting down still answers the calls it took: its link stays until it is gone.
        table.Silos = [Row(silo.Address, SiloStatus.ShuttingDown)];
        await membership.RefreshAsync(CancellationToken.None);
        Assert.Equal(1, silo.Open);

        table.Silos = [Row(silo.Address, SiloStatus.Dead)];
        await membership.RefreshAsync(CancellationToken.None);

        await Eventually.WaitUntilAsync(() => Task.FromResult(silo.Open == 0), "the link to the dead silo is closed", TimeSpan.FromSeconds(10));
    }

    private static SiloRecord Row(string address, SiloStatus status) => new()
    {
        SiloId = address + "@1",
        Address = address,
        Generation = 1,
        Status = status,
        HeartbeatAt = DateTimeOffset.UnixEpoch,
        StartedAt = DateTimeOffset.UnixEpoch,
    };

    private sealed class ListedSilos(params SiloRecord[] silos) : IMembershipTable
    {
        private long _version;

        public SiloRecord[] Silos { get; set; } = silos;

        public Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new MembershipSnapshot(Silos, Interlocked.Increment(ref _version)));

        public Task<bool> TryWriteAsync(SiloRecord silo, SiloStatus? expectedStatus, long expectedVersion, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<bool> HeartbeatAsync(SiloRecord silo, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
