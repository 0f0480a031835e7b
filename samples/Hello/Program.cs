using Cherry;
using Hello;

// The content root is the app's own folder (bin/ or the publish folder), wherever it is started from.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// The slim builder leaves out HTTPS configuration: https:// in --urls, ASPNETCORE_URLS or Kestrel:Endpoints needs it.
builder.WebHost.UseKestrelHttpsConfiguration();
// CherryPy listens on 127.0.0.1:8080 unless told otherwise; --urls overrides.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}
builder.Services.AddCherry(options => options.ConfigNamespace<GreetingOptions>("greeting"));

var app = builder.Build();
app.MapCherry<Root>("/", options => options.ErrorPage("/", 404, page =>
    // The page's values arrive HTML-escaped.
    $"<h1>Nothing here</h1><p>{page.Message}</p>"));
app.Run();
