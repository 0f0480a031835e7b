using System.Net;
using Cherry;
using CherryPySuite;

// The host of the ports of CherryPy's test modules: one module's app on 127.0.0.1:PORT.
//   Cherry.CherryPySuite MODULE PORT        (MODULE as CherryPy names it: test_objectmapping)
if (args.Length < 2 || !Suite.Modules.TryGetValue(args[0], out var module) || !int.TryParse(args[1], out var port))
{
    Console.Error.WriteLine("usage: Cherry.CherryPySuite MODULE PORT; modules: " + string.Join(", ", Suite.Modules.Keys));
    return 2;
}
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args[2..], ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, port);
    module.Kestrel?.Invoke(kestrel);
});
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// CherryPy's test_suite environment shows tracebacks on error pages; so do the ports.
builder.Services.AddCherry(options =>
{
    options.ShowTracebacks = true;
    // CPWebCase.test_gc reads /gc/stats; the server listens on loopback only.
    options.DiagnosticsAccess = DiagnosticsAccess.Loopback;
    module.Configure?.Invoke(options);
});
module.AddServices?.Invoke(builder.Services);
var app = builder.Build();
module.Map(app);
// CherryPy's helper mounts its GC statistics page at /gc on every test server (CPWebCase.test_gc reads /gc/stats).
app.MapCherryGc("/gc");
await app.StartAsync();
// cherry_suite.py waits for this line, and takes from it the name the error page and Server header carry.
Console.WriteLine($"cherry-suite ready {ErrorPage.Version} {port}");
await app.WaitForShutdownAsync();
return 0;
