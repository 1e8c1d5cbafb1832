using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Runtime.Cluster.Messaging;

/// <summary>
/// This process's connection to one silo. Calls go out as frames and their answers are matched by
/// id, many in flight on one socket. A lost connection fails the calls on it with
/// <see cref="SiloUnreachableException"/> (the router retries them) and the next call reconnects.
/// While calls wait, a ping goes out after <see cref="KeepAlivePeriod"/> of silence and the
/// connection is dropped if that ping stays unanswered for another period: a silo that stopped
/// without closing its sockets is noticed in seconds.
/// </summary>
internal sealed class SiloLink : IDisposable
{
    public static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(2);

    private readonly string _host;
    private readonly int _port;
    private readonly byte[] _secret;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly ITimer _keepAlive;
    private volatile Outbound? _current;
    private long _nextId;
    private bool _disposed;

    public SiloLink(string address, string secret, TimeProvider timeProvider)
    {
        var uri = new Uri(address);
        _host = uri.Host;
        _port = uri.Port;
        _secret = Encoding.UTF8.GetBytes(secret);
        _keepAlive = timeProvider.CreateTimer(_ => _current?.KeepAlive(), null, KeepAlivePeriod, KeepAlivePeriod);
    }

    /// <summary>Sends a call and waits for its answer frame (Result or Error).</summary>
    /// <exception cref="SiloUnreachableException">no connection, or it was lost before the answer came.</exception>
    /// <exception cref="UnauthorizedAccessException">the silo refused the cluster secret.</exception>
    public async Task<Answer> CallAsync(byte[] request)
    {
        var outbound = _current;
        if (outbound is null || outbound.Connection.IsClosed) outbound = await ConnectAsync().ConfigureAwait(false);
        return await outbound.CallAsync(Interlocked.Increment(ref _nextId), request).ConfigureAwait(false);
    }

    private async Task<Outbound> ConnectAsync()
    {
        await _connecting.WaitAsync().ConfigureAwait(false);
        try
        {
            // A link is disposed when its silo left the view; a caller that still held it retries on a fresh one.
            if (_disposed) throw new SiloUnreachableException($"{_host}:{_port} left the cluster");
            if (_current is { Connection.IsClosed: false } current) return current;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                using var timeout = new CancellationTokenSource(s_connectTimeout);
                await socket.ConnectAsync(_host, _port, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                throw new SiloUnreachableException(e is OperationCanceledException ? $"no connection to {_host}:{_port} within {s_connectTimeout.TotalSeconds} s" : $"{_host}:{_port}: {e.Message}", e);
            }

            var outbound = new Outbound(socket);
            outbound.Connection.Send(FrameKind.Hello, 0, _secret);
            _current = outbound;
            return outbound;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _keepAlive.Dispose();
        _current?.Connection.Close(new ObjectDisposedException(nameof(SiloLink)));
    }

    /// <summary>An answer frame: Result with the result JSON, or Error with the error JSON.</summary>
    public readonly record struct Answer(FrameKind Kind, byte[] Payload);

    /// <summary>One connection and the calls waiting on it.</summary>
    private sealed class Outbound
    {
        private readonly ConcurrentDictionary<long, TaskCompletionSource<Answer>> _waiting = new();
        private Exception? _refusal;
        private long _framesAtLastCheck = -1;
        private bool _pingSent;

        public Outbound(Socket socket)
        {
            Connection = new FrameConnection(socket, OnFrame);
            Connection.Closed.ContinueWith(closed => FailWaiting(closed.Result), TaskScheduler.Default);
            Connection.Start();
        }

        public FrameConnection Connection { get; }

        public Task<Answer> CallAsync(long id, byte[] request)
        {
            // Answers are decoded on the reader loop: no extra hop between the socket and the caller.
            var answer = new TaskCompletionSource<Answer>();
            _waiting[id] = answer;
            bool queued;
            try
            {
                queued = Connection.Send(FrameKind.Call, id, request);
            }
            catch (InvalidDataException)
            {
                _waiting.TryRemove(id, out _);
                throw;
            }

            if (!queued || Connection.IsClosed)
            {
                // Closed meanwhile: FailWaiting may have run before this call was registered.
                if (_waiting.TryRemove(id, out _)) answer.TrySetException(Unreachable(Connection.Closed.IsCompleted ? Connection.Closed.Result : null));
            }

            return answer.Task;
        }

        private void OnFrame(FrameKind kind, long id, ReadOnlySequence<byte> payload)
        {
            switch (kind)
            {
                case FrameKind.Error when id == 0:
                    var (_, message) = CallCodec.DecodeError(payload.ToArray());
                    _refusal = new UnauthorizedAccessException($"The silo refused this connection: {message}");
                    Connection.Close(_refusal);
                    break;
                case FrameKind.Result or FrameKind.Error:
                    if (_waiting.TryRemove(id, out var answer)) answer.TrySetResult(new Answer(kind, payload.ToArray()));
                    break;
                case FrameKind.Pong:
                    break;
                default:
                    throw new InvalidDataException($"A silo sent a {kind} frame to a client.");
            }
        }

        /// <summary>Runs every keep-alive period: ping a silent peer that owes answers, drop it if the ping went unanswered.</summary>
        public void KeepAlive()
        {
            var frames = Connection.FramesReceived;
            if (frames != _framesAtLastCheck || _waiting.IsEmpty)
            {
                _framesAtLastCheck = frames;
                _pingSent = false;
                return;
            }

            if (_pingSent)
            {
                Connection.Close(new TimeoutException($"The silo answered neither calls nor a ping for {KeepAlivePeriod.TotalSeconds} s."));
                return;
            }

            _pingSent = Connection.Send(FrameKind.Ping, 0, []);
        }

        private void FailWaiting(Exception reason)
        {
            foreach (var id in _waiting.Keys)
            {
                if (_waiting.TryRemove(id, out var answer)) answer.TrySetException(Unreachable(reason));
            }
        }

        private Exception Unreachable(Exception? reason) =>
            _refusal ?? new SiloUnreachableException(reason?.Message ?? "connection closed", reason);
    }
}
