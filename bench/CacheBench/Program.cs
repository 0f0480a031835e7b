using Cherry;

// One handler, cached two ways: Cherry's caching tool under /cherry/, ASP.NET Core's OutputCache at /oc.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddCherry();
builder.Services.AddOutputCache(o => o.DefaultExpirationTimeSpan = TimeSpan.FromHours(1));
var app = builder.Build();
app.UseOutputCache();
app.MapGet("/oc", () => Results.Text(Page.Render(), "text/html; charset=utf-8")).CacheOutput();
app.MapCherry<Page>("/cherry");
app.Run();

public sealed class Page
{
    public static string Render() => string.Concat(Enumerable.Repeat("<p>An expensive page.</p>", 40));

    [Exposed, Caching(Delay = 3600)]
    public string Index() => Render();
}
