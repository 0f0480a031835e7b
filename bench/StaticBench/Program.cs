using Cherry;
using Microsoft.Extensions.FileProviders;

// One directory served two ways: Cherry's staticdir under /cherry, ASP.NET Core's StaticFiles under /aspnet.
// Usage: StaticBench --dir <directory> --urls http://127.0.0.1:PORT
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddCherry();
var directory = builder.Configuration["dir"] ?? throw new InvalidOperationException("--dir is required");
var app = builder.Build();
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(directory), RequestPath = "/aspnet" });
app.MapCherry<Site>("/cherry", o => o
    .Set("/", "tools.staticdir.on", "True")
    .Set("/", "tools.staticdir.dir", directory));
app.Run();

public sealed class Site
{
    [Exposed]
    public string Index() => "static benchmark";
}
