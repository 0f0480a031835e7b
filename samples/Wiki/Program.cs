using Cherry;
using Wiki;

// dotnet run --project samples/Wiki   (http://127.0.0.1:8080; --urls changes it). Log in as demo / demo to edit.
// The content root is the folder the app runs from, where the build puts wiki.conf and static/, so the app finds
// them whatever the working directory is.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// The slim builder leaves out HTTPS configuration: https:// in --urls, ASPNETCORE_URLS or Kestrel:Endpoints needs it.
builder.WebHost.UseKestrelHttpsConfiguration();
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}
builder.Services.AddCherry();
WikiApp.AddServices(builder.Services);

var app = builder.Build();
WikiApp.Map(app);
app.Run();
