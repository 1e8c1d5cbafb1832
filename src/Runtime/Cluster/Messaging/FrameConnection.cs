using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Runtime.Cluster.Messaging;

/// <summary>
/// One TCP connection of the silo protocol, carrying frames [int32 length][byte kind][int64 id][payload]
/// (little-endian; the length counts kind, id and payload). One writer loop packs every frame that is
/// waiting into a single socket write, so a burst of calls costs a few system calls, not one per call
/// (Orleans keeps its own TCP messaging for the same reason). Either side may close; the reason is kept.
/// </summary>
internal sealed class FrameConnection
{
    public const int MaxPayloadBytes = 32 * 1024 * 1024;
    private const int HeaderBytes = 13;
    private const int LengthBytes = 4;
    private const int MaxBatchBytes = 256 * 1024;

    public delegate void FrameHandler(FrameKind kind, long id, ReadOnlySequence<byte> payload);

    private readonly Socket _socket;
    private readonly FrameHandler _onFrame;
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<Exception> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _framesReceived;
    private Exception? _closingReason;

    /// <param name="onFrame">Runs on the reader loop; the payload is only valid during the call.</param>
    public FrameConnection(Socket socket, FrameHandler onFrame)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _onFrame = onFrame;
    }

    /// <summary>Completes with the reason once the connection is closed.</summary>
    public Task<Exception> Closed => _closed.Task;

    public bool IsClosed => _closed.Task.IsCompleted;

    /// <summary>Counts frames read, so a keep-alive can tell a silent peer from a busy one.</summary>
    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    public void Start()
    {
        _ = ReadLoopAsync();
        _ = WriteLoopAsync();
    }

    /// <summary>Queues a frame; false once the connection is closing.</summary>
    /// <exception cref="InvalidDataException">the payload is larger than <see cref="MaxPayloadBytes"/>.</exception>
    public bool Send(FrameKind kind, long id, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new InvalidDataException($"A {kind} frame of {payload.Length} bytes exceeds the {MaxPayloadBytes} bytes a frame may carry.");
        }

        var frame = new byte[HeaderBytes + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, HeaderBytes - LengthBytes + payload.Length);
        frame[LengthBytes] = (byte)kind;
        BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(LengthBytes + 1), id);
        payload.CopyTo(frame.AsSpan(HeaderBytes));
        return _outgoing.Writer.TryWrite(frame);
    }

    /// <summary>Sends what is queued, then half-closes; the connection ends when the peer closes its side.</summary>
    public void CloseAfterSending(Exception reason)
    {
        _closingReason = reason;
        _outgoing.Writer.TryComplete();
    }

    public void Close(Exception reason)
    {
        if (!_closed.TrySetResult(reason)) return;
        _outgoing.Writer.TryComplete();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer.
        }
        catch (ObjectDisposedException)
        {
        }

        _socket.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<ArraySegment<byte>>();
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var bytes = 0;
                while (bytes < MaxBatchBytes && reader.TryRead(out var frame))
                {
                    batch.Add(frame);
                    bytes += frame.Length;
                }

                var sent = await _socket.SendAsync(batch, SocketFlags.None).ConfigureAwait(false);
                if (sent != bytes) throw new IOException($"Sent {sent} of {bytes} bytes.");
                batch.Clear();
            }

            if (_closingReason is null) return; // Close() ended the loop.

            // Half-close: the peer reads the last frames, then closes, and the read loop sees that.
            // Closing the socket now, with its frames unread here, would reset the connection and
            // could destroy the last frames before the peer read them.
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e)
        {
            Close(e);
        }
    }

    private async Task ReadLoopAsync()
    {
        var input = PipeReader.Create(new NetworkStream(_socket, ownsSocket: false));
        try
        {
            while (true)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadFrame(ref buffer, out var kind, out var id, out var payload))
                {
                    Interlocked.Increment(ref _framesReceived);
                    _onFrame(kind, id, payload);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    Close(_closingReason ?? new IOException(buffer.IsEmpty ? "Connection closed by the peer." : "Connection closed by the peer in the middle of a frame."));
                    break;
                }
            }
        }
        catch (Exception e)
        {
            Close(e);
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out FrameKind kind, out long id, out ReadOnlySequence<byte> payload)
    {
        kind = default;
        id = 0;
        payload = default;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadLittleEndian(out int length)) return false;
        if (length < HeaderBytes - LengthBytes || length - (HeaderBytes - LengthBytes) > MaxPayloadBytes)
        {
            throw new InvalidDataException($"Frame length {length} is outside 9..{MaxPayloadBytes + HeaderBytes - LengthBytes} bytes.");
        }

        if (reader.Remaining < length) return false;
        reader.TryRead(out var kindByte);
        reader.TryReadLittleEndian(out id);
        kind = (FrameKind)kindByte;
        payload = buffer.Slice(HeaderBytes, length - (HeaderBytes - LengthBytes));
        buffer = buffer.Slice(LengthBytes + length);
        return true;
    }
}
