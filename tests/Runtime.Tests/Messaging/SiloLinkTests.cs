using System.Collections.Concurrent;
using Runtime.Cluster;
using Runtime.Cluster.Messaging;
using TestKit;

namespace Runtime.Tests.Messaging;

public sealed class SiloLinkTests
{
    private const string Secret = "the-secret";

    [Fact]
    public async Task AnswersReachTheirCallsWhateverOrderTheyComeIn()
    {
        var held = new ConcurrentQueue<(FrameConnection Connection, long Id, string Request)>();
        using var silo = new FakeSilo((connection, kind, id, payload) =>
        {
            if (kind != FrameKind.Call) return;
            held.Enqueue((connection, id, FakeSilo.Text(payload)));
            if (held.Count < 3) return;

            // Answer the three calls last-first.
            foreach (var call in held.Reverse()) call.Connection.Send(FrameKind.Result, call.Id, FakeSilo.Bytes("answer to " + call.Request));
        });
        using var link = new SiloLink(silo.Address, Secret, TimeProvider.System);

        var calls = new[] { "a", "b", "c" }.Select(r => link.CallAsync(FakeSilo.Bytes(r))).ToArray();
        var answers = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["answer to a", "answer to b", "answer to c"], answers.Select(a => FakeSilo.Text(a.Payload)));
        Assert.All(answers, a => Assert.Equal(FrameKind.Result, a.Kind));
        Assert.Equal(1, silo.Accepted);
    }

    [Fact]
    public async Task TheConnectionOpensWithTheClusterSecret()
    {
        var hello = new TaskCompletionSource<string>();
        using var silo = new FakeSilo((connection, kind, id, payload) =>
        {
            if (kind == FrameKind.Hello) hello.TrySetResult(FakeSilo.Text(payload));
            else connection.Send(FrameKind.Result, id, []);
        });
        using var link = new SiloLink(silo.Address, Secret, TimeProvider.System);

        await link.CallAsync([]).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Secret, await hello.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ALostConnectionFailsItsWaitingCallsAndTheNextCallReconnects()
    {
        var firstCallArrived = new TaskCompletionSource();
        var calls = 0;
        using var silo = new FakeSilo((connection, kind, id, payload) =>
        {
            if (kind != FrameKind.Call) return;
            if (Interlocked.Increment(ref calls) == 1) firstCallArrived.TrySetResult();
            else connection.Send(FrameKind.Result, id, FakeSilo.Bytes("second"));
        });
        using var link = new SiloLink(silo.Address, Secret, TimeProvider.System);

        var waiting = link.CallAsync(FakeSilo.Bytes("first"));
        await firstCallArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        silo.DropConnections();

        await Assert.ThrowsAsync<SiloUnreachableException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        var answer = await link.CallAsync(FakeSilo.Bytes("again")).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("second", FakeSilo.Text(answer.Payload));
        Assert.Equal(2, silo.Accepted);
    }

    [Fact]
    public async Task ASiloThatRefusesTheSecretFailsCallsAsUnauthorized()
    {
        using var silo = new FakeSilo((connection, kind, id, payload) =>
        {
            if (kind != FrameKind.Hello) return;
            connection.Send(FrameKind.Error, 0, CallCodec.EncodeError(WireErrors.Failed, "cluster secret missing or wrong"));
            connection.CloseAfterSending(new UnauthorizedAccessException("refused"));
        });
        using var link = new SiloLink(silo.Address, "not-the-secret", TimeProvider.System);

        var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => link.CallAsync([]).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("cluster secret missing or wrong", refused.Message);
    }

    [Fact]
    public async Task ASiloThatAnswersNeitherCallsNorPingsIsDroppedAfterTwoKeepAlivePeriods()
    {
        var pings = 0;
        var callArrived = new TaskCompletionSource();
        using var silo = new FakeSilo((_, kind, _, _) =>
        {
            if (kind == FrameKind.Ping) Interlocked.Increment(ref pings);
            if (kind == FrameKind.Call) callArrived.TrySetResult();
        });
        var time = new ManualTimeProvider();
        using var link = new SiloLink(silo.Address, Secret, time);

        var waiting = link.CallAsync([]);
        await callArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(SiloLink.KeepAlivePeriod);
        Assert.False(waiting.IsCompleted);
        time.Advance(SiloLink.KeepAlivePeriod);
        await Eventually.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref pings) == 1), "the link pings the silent silo", TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted);
        time.Advance(SiloLink.KeepAlivePeriod);

        var dropped = await Assert.ThrowsAsync<SiloUnreachableException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("ping", dropped.Message);
    }

    [Fact]
    public async Task ABusySiloIsNotPingedWhileItKeepsAnswering()
    {
        var pings = 0;
        using var silo = new FakeSilo((connection, kind, id, _) =>
        {
            if (kind == FrameKind.Ping) Interlocked.Increment(ref pings);
            if (kind == FrameKind.Call) connection.Send(FrameKind.Result, id, []);
        });
        var time = new ManualTimeProvider();
        using var link = new SiloLink(silo.Address, Secret, time);

        for (var i = 0; i < 4; i++)
        {
            await link.CallAsync([]).WaitAsync(TimeSpan.FromSeconds(10));
            time.Advance(SiloLink.KeepAlivePeriod);
        }

        await link.CallAsync([]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Volatile.Read(ref pings));
    }

    [Fact]
    public async Task AnUnreachableSiloFailsTheCallAsUnreachable()
    {
        string address;
        using (var closed = new FakeSilo((_, _, _, _) => { }))
        {
            address = closed.Address;
        }

        using var link = new SiloLink(address, Secret, TimeProvider.System);

        await Assert.ThrowsAsync<SiloUnreachableException>(() => link.CallAsync([]).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ACallLargerThanAFrameIsRefusedBeforeItIsSent()
    {
        using var silo = new FakeSilo((connection, kind, id, _) =>
        {
            if (kind == FrameKind.Call) connection.Send(FrameKind.Result, id, []);
        });
        using var link = new SiloLink(silo.Address, Secret, TimeProvider.System);

        await Assert.ThrowsAsync<InvalidDataException>(() => link.CallAsync(new byte[FrameConnection.MaxPayloadBytes + 1]));
        await link.CallAsync([]).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
