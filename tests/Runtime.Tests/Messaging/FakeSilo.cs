using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Runtime.Cluster.Messaging;

namespace Runtime.Tests.Messaging;

/// <summary>
/// The far end of a <see cref="SiloLink"/> in tests: accepts connections on a loopback port and
/// hands each frame to the test, which answers (or not) through the connection it is given.
/// </summary>
internal sealed class FakeSilo : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Action<FrameConnection, FrameKind, long, byte[]> _onFrame;
    private readonly List<FrameConnection> _connections = [];

    public FakeSilo(Action<FrameConnection, FrameKind, long, byte[]> onFrame)
    {
        _onFrame = onFrame;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        _ = AcceptAsync();
    }

    public string Address => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";

    public int Accepted
    {
        get { lock (_connections) return _connections.Count; }
    }

    /// <summary>Accepted connections not closed yet (by either end).</summary>
    public int Open
    {
        get { lock (_connections) return _connections.Count(c => !c.IsClosed); }
    }

    /// <summary>Closes every accepted connection, as a crashed process would.</summary>
    public void DropConnections()
    {
        lock (_connections)
        {
            foreach (var connection in _connections) connection.Close(new IOException("dropped by the test"));
        }
    }

    public static string Text(byte[] payload) => Encoding.UTF8.GetString(payload);

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            FrameConnection? connection = null;
            connection = new FrameConnection(socket, (kind, id, payload) => _onFrame(connection!, kind, id, payload.ToArray()));
            lock (_connections) _connections.Add(connection);
            connection.Start();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        DropConnections();
    }
}
