using Cherry;
using Cherry.Stores;
using ClusterApp;
using StackExchange.Redis;

// One instance of a Cherry cluster: sessions and cached pages live in a Redis every instance shares, so any instance
// can answer any request. Every answer names the instance in its X-Instance header.
//   dotnet ClusterApp.dll --urls http://127.0.0.1:8081 --redis 127.0.0.1:6379 --instance a
var builder = WebApplication.CreateSlimBuilder(args);
var instance = new InstanceName(builder.Configuration["instance"] ?? Environment.MachineName);
var redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
{
    EndPoints = { builder.Configuration["redis"] ?? throw new InvalidOperationException("--redis host:port is required.") },
    // The instance keeps running through a Redis outage and reconnects by itself when Redis is back.
    AbortOnConnectFail = false,
    // While Redis is down a command fails at once (the request's 503) instead of queueing until its timeout.
    BacklogPolicy = BacklogPolicy.FailFast,
    ConnectTimeout = 1000,
    ReconnectRetryPolicy = new LinearRetry(500),
});

builder.Services.AddCherry();
builder.Services.AddSingleton(instance);
builder.Services.AddSingleton<ISessionStore>(new RedisSessionStore(redis));
builder.Services.AddSingleton<ICacheStore>(new RedisCacheStore(redis));

var app = builder.Build();
app.Use((context, next) =>
{
    // Set as the response starts, so that a cached answer names the instance serving it, not the one that rendered it.
    context.Response.OnStarting(() =>
    {
        context.Response.Headers[InstanceName.Header] = instance.Name;
        return Task.CompletedTask;
    });
    return next(context);
});
app.MapCherry<Root>();
app.Run();
