using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.FileProviders;

// ASP.NET Core MVC controllers (JIT: MVC is not trimmable), answering every scenario of bench/run.sh.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddControllers();
builder.Services.AddOutputCache();
builder.Services.AddDistributedMemoryCache();
builder.Services.AddSession(o => o.Cookie.Name = "sid");
var app = builder.Build();

var staticDirectory = Environment.GetEnvironmentVariable("BENCH_STATIC_DIR") ?? Path.GetTempPath();
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(staticDirectory), RequestPath = "/static", ServeUnknownFileTypes = true });
app.UseOutputCache();
app.UseWhen(context => context.Request.Path.StartsWithSegments("/session"), branch => branch.UseSession());
app.MapControllers();
app.Run();

namespace Mvc
{
    public sealed record Message(string Text);

    public sealed class BenchController : ControllerBase
    {
        [HttpGet("/plaintext")]
        public string Plaintext() => "Hello, World!";

        [HttpGet("/json")]
        public Message Json() => new("Hello, World!");

        [HttpGet("/deep/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/n/leaf")]
        public string Deep() => "deep leaf";

        [HttpGet("/chain/"), BasicBench, OutputCache(Duration = 3600)]
        public Message Chain() => new("Hello, World!");

        [HttpGet("/session/")]
        public string Session()
        {
            var count = (HttpContext.Session.GetInt32("count") ?? 0) + 1;
            HttpContext.Session.SetInt32("count", count);
            return "count " + count;
        }
    }

    /// <summary>The bench's Basic credentials, as an authorization filter.</summary>
    public sealed class BasicBenchAttribute : Attribute, IAuthorizationFilter
    {
        private static readonly string Credentials = "Basic " + Convert.ToBase64String("bench:bench"u8);

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            if (context.HttpContext.Request.Headers.Authorization != Credentials)
            {
                context.Result = new UnauthorizedResult();
            }
        }
    }
}
