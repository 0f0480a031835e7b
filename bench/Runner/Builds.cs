using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Runner;

/// <summary>Builds the servers with the SDK: JIT builds in place, native AOT publishes into the run's work folder.</summary>
internal static class Builds
{
    public static string Jit(string root, string name)
    {
        Run(root, $"build bench/Servers/{name} -c Release -p:PublishAot=false");
        return Path.Combine(root, "bench/Servers", name, "bin/Release/net10.0", name + ".dll");
    }

    private static readonly Dictionary<string, string> Published = [];

    public static string Aot(string root, string project, string work)
    {
        if (Published.TryGetValue(project, out var published))
        {
            return published;
        }
        var name = Path.GetFileName(project);
        var output = Path.Combine(work, "aot", name);
        Run(root, $"publish {project} -c Release -r linux-x64 -p:PublishAot=true -o \"{output}\"");
        return Published[project] = Path.Combine(output, name);
    }

    public static void Run(string root, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed:\n{output.Result}\n{error.Result}");
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
