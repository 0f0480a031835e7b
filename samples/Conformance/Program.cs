using System.Net;
using Cherry;
using Conformance;

// The C# twin of shared/conformance/reference_app.py: same URL space, same command line.
//   dotnet run --project samples/Conformance -c Release -- PORT [SESSION_DIR]
if (args.Length < 1 || !int.TryParse(args[0], out var port))
{
    Console.Error.WriteLine("usage: Conformance PORT [SESSION_DIR]");
    return 2;
}
var sessionDirectory = args.Length > 1 ? args[1] : Directory.CreateTempSubdirectory("cherry-conformance-sessions-").FullName;
Directory.CreateDirectory(sessionDirectory);
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args[1..], ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
// As reference_app.py, the statistics and GC pages are open; the server listens on loopback only, so that is who sees them.
builder.Services.AddCherry(options => options.DiagnosticsAccess = DiagnosticsAccess.Loopback);
ConformanceApp.AddServices(builder.Services);
var app = builder.Build();
ConformanceApp.Map(app, AppContext.BaseDirectory, sessionDirectory);
await app.RunAsync();
return 0;
