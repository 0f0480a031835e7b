// The baseline for wrk: Kestrel with one RequestDelegate and no framework, answering what Hello's "/" answers.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "text/html;charset=utf-8";
    return context.Response.WriteAsync("Hello world");
});
app.Run();
