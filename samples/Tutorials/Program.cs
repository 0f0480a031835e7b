using Cherry;
using Tutorials;

// CherryPy's ten tutorials in Cherry, one at a time:
//   dotnet run --project samples/Tutorials -- tut03      (http://127.0.0.1:8080; --urls changes it)
var tutorial = args.Length > 0 ? Tutorial.Find(args[0]) : null;
if (tutorial is null)
{
    Console.Error.WriteLine("usage: Tutorials TUTORIAL [--urls http://127.0.0.1:8080], where TUTORIAL is one of:");
    foreach (var t in Tutorial.All)
    {
        Console.Error.WriteLine($"  {t.Name}  {t.Title}");
    }
    return 2;
}

// The content root is the app's own folder (bin/ or the publish folder), where files/ is, wherever it is started from.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args[1..], ContentRootPath = AppContext.BaseDirectory });
// The slim builder leaves out HTTPS configuration: https:// in --urls, ASPNETCORE_URLS or Kestrel:Endpoints needs it.
builder.WebHost.UseKestrelHttpsConfiguration();
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}
builder.Services.AddCherry(tutorial.Configure);
tutorial.AddServices?.Invoke(builder.Services);

var app = builder.Build();
tutorial.Map(app);
await app.RunAsync();
return 0;
