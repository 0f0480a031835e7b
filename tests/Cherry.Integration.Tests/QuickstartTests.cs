using System.Net;
using Cherry.Integration.Tests.App;

namespace Cherry.Integration.Tests;

/// <summary>CherryPy's quickstart in one call: the command line's address, app.conf from the content root, the environment's defaults.</summary>
public sealed class QuickstartTests
{
    [Fact]
    public async Task One_call_serves_the_tree_with_app_conf_from_the_content_root_and_stops_when_asked()
    {
        var conf = Path.Combine(AppContext.BaseDirectory, Quickstart.ConfigFile);
        await File.WriteAllTextAsync(conf, "[/]\ntools.response_headers.on = True\ntools.response_headers.headers = [('X-Quickstart', 'app.conf')]\n");
        try
        {
            var port = Ports.Free();
            using var stop = new CancellationTokenSource();
            var running = Quickstart.RunAsync<PlainRoot>(["--urls", $"http://127.0.0.1:{port}", "--environment", "Development", "--Logging:LogLevel:Default", "Warning"], cancellation: stop.Token);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!running.IsCompleted && !await Ports.AcceptsAsync(port) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            Assert.False(running.IsCompleted, running.Exception?.ToString());

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var response = await client.GetAsync("/text?name=quick");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("hello quick", await response.Content.ReadAsStringAsync());
            Assert.Equal("app.conf", response.Headers.GetValues("X-Quickstart").Single());
            // Development: an error page carries the traceback.
            using var failure = await client.GetAsync("/fails");
            Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
            Assert.Contains("InvalidOperationException: boom", await failure.Content.ReadAsStringAsync());

            stop.Cancel();
            await running.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(await Ports.AcceptsAsync(port));
        }
        finally
        {
            File.Delete(conf);
        }
    }
}
