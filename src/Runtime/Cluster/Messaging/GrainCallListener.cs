using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Runtime.Cluster.Messaging;

/// <summary>
/// Takes grain calls from other processes on Silo:Port. A connection must open with the cluster
/// secret; then every call frame is handed to <see cref="GrainCallHandler"/> and answered on the
/// same connection when it completes, in whatever order calls finish. Registered before the grain
/// runtime, so it starts first and stops last: calls in flight during shutdown still get answers.
/// </summary>
internal sealed class GrainCallListener(
    GrainCallHandler handler,
    IOptions<SiloOptions> siloOptions,
    IOptions<ClusterOptions> clusterOptions,
    ILogger<GrainCallListener> logger) : IHostedService
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(clusterOptions.Value.Secret ?? "");
    private readonly ConcurrentDictionary<FrameConnection, bool> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var port = siloOptions.Value.Port;
        _listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
        _listener.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
        _listener.Listen(512);
        logger.LogInformation("Taking grain calls on port {Port}", port);
        _accepting = AcceptLoopAsync(_listener);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _listener?.Dispose();
        await _accepting.ConfigureAwait(false);
        foreach (var connection in _connections.Keys) connection.Close(new IOException("The silo stopped."));
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                logger.LogWarning(e, "Accepting a grain call connection failed");
                continue;
            }

            Serve(socket);
        }
    }

    private void Serve(Socket socket)
    {
        var authenticated = false;
        FrameConnection? connection = null;
        connection = new FrameConnection(socket, (kind, id, payload) =>
        {
            if (!authenticated)
            {
                authenticated = kind == FrameKind.Hello && CryptographicOperations.FixedTimeEquals(payload.ToArray(), _secret) && _secret.Length > 0;
                if (!authenticated) Refuse(connection!, "cluster secret missing or wrong");
                return;
            }

            switch (kind)
            {
                case FrameKind.Call:
                    _ = AnswerAsync(connection!, id, handler.HandleAsync(payload));
                    break;
                case FrameKind.Ping:
                    connection!.Send(FrameKind.Pong, id, []);
                    break;
                default:
                    throw new InvalidDataException($"A client sent a {kind} frame to a silo.");
            }
        });
        _connections[connection] = true;
        connection.Closed.ContinueWith(_ => _connections.TryRemove(connection, out var _), TaskScheduler.Default);
        connection.Start();
    }

    private static async Task AnswerAsync(FrameConnection connection, long id, Task<SiloLink.Answer> answering)
    {
        var answer = await answering.ConfigureAwait(false);
        try
        {
            connection.Send(answer.Kind, id, answer.Payload);
        }
        catch (InvalidDataException e)
        {
            connection.Send(FrameKind.Error, id, GrainCallHandler.Error(WireErrors.Failed, e.Message).Payload);
        }
    }

    private static void Refuse(FrameConnection connection, string reason)
    {
        connection.Send(FrameKind.Error, 0, GrainCallHandler.Error(WireErrors.Failed, reason).Payload);
        connection.CloseAfterSending(new UnauthorizedAccessException(reason));
    }
}
