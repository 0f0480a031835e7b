using System.Collections.Concurrent;
using System.Text;
using Cherry.Integration.Tests.App;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cherry.Integration.Tests;

/// <summary>CherryPy's log.screen, log.access_file and log.error_file, through the host's logging (issue 25).</summary>
public sealed class LogFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cherry-logs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_access_and_error_files_get_CherryPy_lines()
    {
        var errorFile = Path.Combine(_folder, "error.log");
        // A relative name resolves against the content root; the INI file is how a CherryPy app sets them.
        var ini = CherryConfig.FromIni(new MemoryStream(Encoding.UTF8.GetBytes($"[/]\nlog.access_file = 'access.log'\nlog.error_file = '{errorFile}'\n")));
        await using (var server = await CherryServer.StartAsync(
            app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Add(ini)), environment: "Production", contentRoot: _folder))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await server.Client.FetchAsync("/?name=logged")).Response.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, (await server.Client.FetchAsync("/boom")).Response.StatusCode);
            // Flushed while the server runs, not only when it stops.
            await WaitForAsync(Path.Combine(_folder, "access.log"), "\"GET /boom HTTP/1.1\" 500 ");
            await WaitForAsync(errorFile, "InvalidOperationException: boom");
        }
        var access = File.ReadAllLines(Path.Combine(_folder, "access.log"));
        Assert.Equal(2, access.Length);
        Assert.Matches("""^127\.0\.0\.1 - - \[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET /\?name=logged HTTP/1\.1" 200 \d+ "" ""$""", access[0]);
        Assert.StartsWith("127.0.0.1 - - [", access[1]);
        var error = File.ReadAllText(errorFile);
        Assert.Matches(@"^\[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d\] Cherry.Request Error: Unhandled exception while serving GET /boom\n", error);
        Assert.Contains("System.InvalidOperationException: boom", error);
        Assert.Contains("   at Conformance.Root.Boom()", error);
        // Access lines stay out of the error file.
        Assert.DoesNotContain("name=logged", error);
    }

    [Fact]
    public async Task Screen_false_keeps_Cherry_categories_out_of_the_console()
    {
        var console = new ConsoleLikeProvider();
        var other = new LogCollector();
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o)),
            environment: "Production",
            settings: new Dictionary<string, string?> { ["Cherry:Global:log:screen"] = "False" },
            services: services => services.AddLogging(b => b.AddProvider(console).AddProvider(other)));

        await server.Client.FetchAsync("/boom");
        // Cherry.Request's logger was made before the keys were read; the rule reaches it all the same.
        Assert.Contains(other.Entries, e => e.Message.StartsWith("Unhandled exception while serving GET /boom", StringComparison.Ordinal));
        Assert.DoesNotContain(console.Categories, c => c.StartsWith("Cherry.", StringComparison.Ordinal));
        Assert.Contains(console.Categories, c => c.StartsWith("Microsoft.", StringComparison.Ordinal));
        var rule = Assert.Single(server.Services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>().CurrentValue.Rules, r => r.CategoryName == "Cherry.");
        Assert.Equal(("Console", LogLevel.None), (rule.ProviderName, rule.LogLevel));
    }

    [Fact]
    public async Task Screen_true_is_the_default_and_adds_no_rule()
    {
        var console = new ConsoleLikeProvider();
        await using var server = await CherryServer.StartAsync(
            app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", "log.screen", "True")),
            environment: "Production",
            services: services => services.AddLogging(b => b.AddProvider(console)));
        await server.Client.FetchAsync("/boom");
        Assert.Contains("Cherry.Request", console.Categories);
        Assert.DoesNotContain(server.Services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>().CurrentValue.Rules, r => r.CategoryName == "Cherry.");
    }

    [Theory]
    [InlineData("log.access_file")]
    [InlineData("log.error_file")]
    public async Task A_file_that_cannot_be_opened_stops_start_up(string key)
    {
        var missing = Path.Combine(_folder, "no-such-folder", "cherry.log");
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() =>
            CherryServer.StartAsync(app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set("/", key, missing))));
        Assert.Equal(("/", key), (error.Section, error.Key));
        Assert.Contains(missing, error.Message);
        Assert.Contains("create its folder", error.Message);
    }

    [Theory]
    [InlineData("/sram", "log.access_file", "access.log", "log.access_file applies to the whole application (CherryPy reads it from the application's config): move it to [/] or [global].")]
    [InlineData("/sram", "log.screen", "False", "log.screen applies to the whole application")]
    [InlineData("/", "log.screen", "maybe", "expected True or False.")]
    [InlineData("global", "log.level", "DEBUG", "unknown log key: CherryPy's are log.screen, log.access_file and log.error_file.")]
    public async Task Log_keys_are_checked(string section, string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<CherryConfigurationException>(() =>
            CherryServer.StartAsync(app => app.MapCherry<ReferenceRoot>("/", o => ReferenceAppFixture.WithSessions(o).Set(section, key, value)), contentRoot: _folder));
        Assert.Equal((section, key), (error.Section, error.Key));
        Assert.Contains(expected, error.Message);
    }

    private static async Task WaitForAsync(string file, string fragment)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(file))
            {
                // The server keeps the file open; it shares reading and writing.
                using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
                if ((await reader.ReadToEndAsync()).Contains(fragment, StringComparison.Ordinal))
                {
                    return;
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{file} has no line with {fragment}");
    }

    /// <summary>Stands for the console provider: filter rules find a provider by its alias.</summary>
    [ProviderAlias("Console")]
    private sealed class ConsoleLikeProvider : ILoggerProvider
    {
        public ConcurrentBag<string> Categories { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConsoleLikeProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Categories.Add(category);
        }
    }
}
