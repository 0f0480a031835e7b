using Cherry;
using Hello;

var builder = WebApplication.CreateSlimBuilder(args);
// CherryPy listens on 127.0.0.1:8080 unless told otherwise; --urls overrides.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}
builder.Services.AddCherry();

var app = builder.Build();
app.MapCherry<Root>("/", options => options.ErrorPage("/", 404, page =>
    $"<h1>Nothing here</h1><p>{System.Net.WebUtility.HtmlEncode(page.Message)}</p>"));
app.Run();
