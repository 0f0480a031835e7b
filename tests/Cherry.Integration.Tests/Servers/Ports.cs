using System.Net;
using System.Net.Sockets;

namespace Cherry.Integration.Tests;

/// <summary>Loopback ports for servers the tests start themselves.</summary>
internal static class Ports
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until something accepts connections on <paramref name="port"/>.</summary>
    public static async Task WaitAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await AcceptsAsync(port))
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("Nothing listened on port " + port);
    }

    /// <summary>Whether something accepts a connection on <paramref name="port"/> right now.</summary>
    public static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
