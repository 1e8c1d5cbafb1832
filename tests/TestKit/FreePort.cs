using System.Net;
using System.Net.Sockets;

namespace TestKit;

public static class FreePort
{
    // The port is released before the caller binds it, so another process can take it in
    // between; callers that start servers retry on a fresh port when that happens.
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
