using Cherry;
using CherryApp;

// The host, written out so that services, middleware and other endpoints have their place. CherryPy's one-call
// quickstart is `await Quickstart.RunAsync<Root>(args);`: 127.0.0.1:8080, app.conf from the app's folder, the same
// appsettings; it stands for the lines below.

// The content root is the app's own folder (bin/ or the publish folder), which holds appsettings.json, app.conf
// and static/, wherever the app is started from.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// The slim builder leaves out HTTPS configuration: https:// in --urls, ASPNETCORE_URLS or Kestrel:Endpoints needs it.
builder.WebHost.UseKestrelHttpsConfiguration();
// Like CherryPy, listen on 127.0.0.1:8080 unless --urls or ASPNETCORE_URLS says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}
builder.Services.AddCherry();

var app = builder.Build();
var here = app.Environment.ContentRootPath;
app.MapCherry<Root>("/", options => options
    .AddIniFile(Path.Combine(here, "app.conf"))
    // app.conf names the static folder relative to the app's folder.
    .Set("/static", "tools.staticdir.root", here));
app.Run();
