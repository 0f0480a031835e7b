using System.Net;
using Cherry;
using Conformance;

// The C# twin of shared/conformance/reference_app.py: same URL space, same command line.
//   dotnet run --project samples/Conformance -c Release -- PORT [SESSION_DIR]      (127.0.0.1:PORT, as the reference app)
//   dotnet run --project samples/Conformance -c Release -- [SESSION_DIR] [--urls URLS]   (--urls, ASPNETCORE_URLS or
//   Kestrel:Endpoints, else http://127.0.0.1:8080)
var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
int? port = positional.Length > 0 && int.TryParse(positional[0], out var given) ? given : null;
var rest = positional.Skip(port is null ? 0 : 1).ToArray();
if (rest.Length > 1)
{
    Console.Error.WriteLine("usage: Conformance [PORT] [SESSION_DIR] [--urls URLS]");
    return 2;
}
var sessionDirectory = rest.Length == 1 ? rest[0] : Directory.CreateTempSubdirectory("cherry-conformance-sessions-").FullName;
Directory.CreateDirectory(sessionDirectory);
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args[positional.Length..], ContentRootPath = AppContext.BaseDirectory });
// The slim builder leaves out HTTPS configuration: https:// in --urls, ASPNETCORE_URLS or Kestrel:Endpoints needs it.
builder.WebHost.UseKestrelHttpsConfiguration();
if (port is { } loopbackPort)
{
    builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, loopbackPort));
}
else if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}
// As reference_app.py, the statistics and GC pages are open; the server listens on loopback only, so that is who sees them.
builder.Services.AddCherry(options => options.DiagnosticsAccess = DiagnosticsAccess.Loopback);
ConformanceApp.AddServices(builder.Services);
var app = builder.Build();
ConformanceApp.Map(app, AppContext.BaseDirectory, sessionDirectory);
await app.RunAsync();
return 0;
