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
var here = AppContext.BaseDirectory;
var staticDirectory = Path.Combine(here, "static");

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args[1..] });
builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
builder.Services.AddCherry();
// The callables of the reference app's config dict, registered under the names the config refers to.
builder.Services.AddKeyedSingleton("earth", AuthBasicTool.CheckPasswordDict(new Dictionary<string, string> { ["bird"] = "bebop" }));
builder.Services.AddKeyedSingleton("wonderland", AuthDigestTool.Ha1FromPasswords(new Dictionary<string, string> { ["alice"] = "4x5istwelve" }));
builder.Services.AddKeyedSingleton("default", new SessionAuthenticator
{
    CheckUsernameAndPassword = (username, password) => username == "test" && password == "password" ? null : "Wrong login/password",
});

var app = builder.Build();
app.MapCherry<Root>("/", options => options
    .AddIniFile(Path.Combine(here, "conformance.conf"))
    // Paths known only at run time, as reference_app.py computes them.
    .Set("/sfile", "tools.sessions.storage_path", sessionDirectory)
    .Set("/static", "tools.staticdir.dir", staticDirectory)
    .Set("/static_noindex", "tools.staticdir.root", here)
    .Set("/style.css", "tools.staticfile.filename", Path.Combine(staticDirectory, "style.css"))
    .ErrorPage("/nodef", 404, page => $"custom 404 page: {page.Status} | {page.Message}"));
app.MapCherry<Mounted>("/mounted/app");
app.MapCherryStats("/cpstats");
app.MapCherryGc("/gc");
await app.RunAsync();
return 0;
