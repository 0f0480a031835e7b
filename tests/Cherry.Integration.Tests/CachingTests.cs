using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Cherry.Integration.Tests;

/// <summary>cases.md §7 (caching): each test gets its own server, so visit counters and the store start empty.</summary>
public sealed class CachingTests
{
    [Fact]
    public async Task A_second_get_is_served_from_the_cache_with_age()
    {
        await using var server = await ToolboxFixture.StartAsync();
        Assert.Equal("visit #1", (await server.Client.FetchAsync("/cache/")).Body);
        var (cached, body) = await server.Client.FetchAsync("/cache/");
        Assert.Equal("visit #1", body);
        Assert.NotNull(cached.Headers.Age);
    }

    [Fact]
    public async Task Age_and_expiry_follow_the_hosts_clock()
    {
        // DI's TimeProvider is the clock of the tool and the store: the test moves it instead of sleeping.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ToolboxFixture.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        Assert.Equal("visit #1", (await server.Client.FetchAsync("/cache/")).Body);

        clock.Advance(TimeSpan.FromSeconds(30));
        var (cached, body) = await server.Client.FetchAsync("/cache/");
        Assert.Equal("visit #1", body);
        Assert.Equal(TimeSpan.FromSeconds(30), cached.Headers.Age);

        // [Caching(Delay = 3600)] on the class.
        clock.Advance(TimeSpan.FromSeconds(3600));
        Assert.Equal("visit #2", (await server.Client.FetchAsync("/cache/")).Body);
    }

    /// <summary>RFC 9111 section 1.2.2: a delta-seconds too large for an integer is read as 2147483648, not refused.</summary>
    [Theory]
    [InlineData("max-age=99999999999", 200, true)]
    [InlineData("max-age=\"99999999999999999999999999\"", 200, true)]
    [InlineData("max-age=2147483648, no-transform", 200, true)]
    [InlineData("max-age=0", 200, false)]
    [InlineData("max-age=-1", 400, false)]
    [InlineData("max-age=1e3", 400, false)]
    [InlineData("max-age=", 400, false)]
    public async Task Max_age_is_read_as_delta_seconds(string cacheControl, int status, bool cached)
    {
        await using var server = await ToolboxFixture.StartAsync();
        Assert.Equal("visit #1", (await server.Client.FetchAsync("/cache/")).Body);
        var (response, body) = await server.Client.FetchAsync("/cache/", ("Cache-Control", cacheControl));
        Assert.Equal(status, (int)response.StatusCode);
        if (status == 200)
        {
            Assert.Equal(cached ? "visit #1" : "visit #2", body);
        }
    }

    [Theory]
    [InlineData("/cache/cookie", "cookie visit #")]
    [InlineData("/cache/teapot", "teapot visit #")]
    public async Task Responses_that_set_cookies_or_fail_are_not_stored(string url, string text)
    {
        await using var server = await ToolboxFixture.StartAsync();
        Assert.Equal(text + "1", (await server.Client.FetchAsync(url)).Body);
        var (again, body) = await server.Client.FetchAsync(url);
        Assert.Equal(text + "2", body);
        Assert.Null(again.Headers.Age);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("no-store")]
    [InlineData("max-age=60, private")]
    public async Task Private_and_no_store_responses_are_not_stored(string directive)
    {
        await using var server = await ToolboxFixture.StartAsync();
        var url = "/cache/marked?directive=" + Uri.EscapeDataString(directive);
        Assert.Equal(directive + " visit #1", (await server.Client.FetchAsync(url)).Body);
        var (again, body) = await server.Client.FetchAsync(url);
        Assert.Equal(directive + " visit #2", body);
        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public async Task A_response_to_an_authorized_request_is_shared_only_when_marked_public()
    {
        await using var server = await AuthFixture.StartAsync();
        var ann = Credentials("ann", "apple");
        var bob = Credentials("bob", "bean");
        Assert.Equal("Hello ann, visit #1", (await server.Client.FetchAsync("/cached/", ann)).Body);
        var (bobs, body) = await server.Client.FetchAsync("/cached/", bob);
        Assert.Equal("Hello bob, visit #2", body);
        Assert.Null(bobs.Headers.Age);
        Assert.Equal("Hello ann, visit #3", (await server.Client.FetchAsync("/cached/", ann)).Body);

        // Cache-Control: public is the handler saying the page is the same for everyone.
        Assert.Equal("Hello ann, visit #4", (await server.Client.FetchAsync("/cached/shared", ann)).Body);
        var (shared, sharedBody) = await server.Client.FetchAsync("/cached/shared", bob);
        Assert.Equal("Hello ann, visit #4", sharedBody);
        Assert.NotNull(shared.Headers.Age);
    }

    [Theory]
    [InlineData("200", true)]
    [InlineData("203", true)]
    [InlineData("299 Custom", true)]
    [InlineData("300", false)]
    [InlineData("404", false)]
    public async Task Only_2xx_answers_are_stored_and_they_are_served_with_their_own_status(string status, bool stored)
    {
        await using var server = await ToolboxFixture.StartAsync();
        var url = "/cache/status?status=" + Uri.EscapeDataString(status);
        var (first, firstBody) = await server.Client.FetchAsync(url);
        var (again, body) = await server.Client.FetchAsync(url);
        Assert.Equal(status + " visit #1", firstBody);
        Assert.Equal(stored ? status + " visit #1" : status + " visit #2", body);
        Assert.Equal(stored, again.Headers.Age is not null);
        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(first.ReasonPhrase, again.ReasonPhrase);
    }

    /// <summary>RFC 9111 §3.5: a response to a request with Authorization is shared only when it says so.</summary>
    [Theory]
    [InlineData("public", true)]
    [InlineData("s-maxage=60", true)]
    [InlineData("must-revalidate", true)]
    [InlineData("max-age=60", false)]
    [InlineData("no-transform", false)]
    public async Task A_response_to_a_request_with_authorization_is_stored_only_when_marked_shareable(string directive, bool stored)
    {
        await using var server = await ToolboxFixture.StartAsync();
        var url = "/cache/marked?directive=" + Uri.EscapeDataString(directive);
        Assert.Equal(directive + " visit #1", (await server.Client.FetchAsync(url, Credentials("ann", "x"))).Body);
        var (again, body) = await server.Client.FetchAsync(url, Credentials("bob", "y"));
        Assert.Equal(stored ? directive + " visit #1" : directive + " visit #2", body);
        Assert.Equal(stored, again.Headers.Age is not null);
    }

    [Fact]
    public async Task A_cached_page_behind_authentication_is_never_served_to_a_request_that_fails_it()
    {
        await using var server = await AuthFixture.StartAsync();
        Assert.Equal("Hello ann, visit #1", (await server.Client.FetchAsync("/cached/shared", Credentials("ann", "apple"))).Body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.FetchAsync("/cached/shared")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.FetchAsync("/cached/shared", Credentials("ann", "wrong"))).Response.StatusCode);
    }

    [Fact]
    public async Task Posts_are_never_stored_and_drop_the_get_and_head_copies()
    {
        await using var server = await ToolboxFixture.StartAsync();
        await server.Client.FetchAsync("/cache/");
        await server.Client.FetchAsync(HttpMethod.Head, "/cache/");
        Assert.NotNull((await server.Client.FetchAsync(HttpMethod.Head, "/cache/")).Response.Headers.Age);
        Assert.Equal("visit #3", (await server.Client.FetchAsync(HttpMethod.Post, "/cache/", "", "application/x-www-form-urlencoded")).Body);
        var (post, body) = await server.Client.FetchAsync(HttpMethod.Post, "/cache/", "", "application/x-www-form-urlencoded");
        Assert.Equal("visit #4", body);
        Assert.Null(post.Headers.Age);
        Assert.Null((await server.Client.FetchAsync(HttpMethod.Head, "/cache/")).Response.Headers.Age);
    }

    [Fact]
    public async Task A_served_copy_keeps_its_first_stored_time()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ToolboxFixture.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        await server.Client.FetchAsync("/cache/");
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(10), (await server.Client.FetchAsync("/cache/")).Response.Headers.Age);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(20), (await server.Client.FetchAsync("/cache/")).Response.Headers.Age);
    }

    [Fact]
    public async Task A_compressed_page_is_stored_compressed_once_and_varies_on_accept_encoding()
    {
        await using var server = await ToolboxFixture.StartAsync();
        async Task<(HttpResponseMessage Response, string Text)> GetAsync(string? acceptEncoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/cache/zipped");
            if (acceptEncoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            }
            var response = await server.Client.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.Content.Headers.ContentEncoding.SequenceEqual(["gzip"]))
            {
                using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
                return (response, new StreamReader(gzip).ReadToEnd());
            }
            return (response, System.Text.Encoding.UTF8.GetString(bytes));
        }
        var (first, firstText) = await GetAsync("gzip");
        var (again, againText) = await GetAsync("gzip");
        Assert.StartsWith("zipped visit #1 ", firstText);
        Assert.Equal(firstText, againText);
        Assert.Equal(["gzip"], again.Content.Headers.ContentEncoding);
        Assert.NotNull(again.Headers.Age);
        var (plain, plainText) = await GetAsync(null);
        Assert.StartsWith("zipped visit #2 ", plainText);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_query_is_kept_apart_from_the_path_in_the_key()
    {
        await using var server = await ToolboxFixture.StartAsync();
        Assert.Equal("x visit #1", (await server.Client.FetchAsync("/cache/marked?directive=x")).Body);
        // The path and the query run together would be this path's key.
        var (response, _) = await server.Client.FetchAsync("/cache/markeddirective=x");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Age);
    }

    private static (string, string) Credentials(string user, string password) =>
        ("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password)));

    [Fact]
    public async Task No_cache_bypasses_the_lookup_but_the_answer_is_cached_again()
    {
        await using var server = await ToolboxFixture.StartAsync();
        await server.Client.FetchAsync("/cache/");
        var (fresh, body) = await server.Client.FetchAsync("/cache/", ("Cache-Control", "no-cache"));
        Assert.Equal("visit #2", body);
        Assert.Null(fresh.Headers.Age);
        var (cached, again) = await server.Client.FetchAsync("/cache/");
        Assert.Equal("visit #2", again);
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal("visit #3", (await server.Client.FetchAsync("/cache/", ("Pragma", "no-cache"))).Body);
    }

    /// <summary>RFC 9111 §5.2.1.5: a request's no-store keeps its answer out of the cache.</summary>
    [Fact]
    public async Task A_request_with_no_store_leaves_its_answer_unstored()
    {
        await using var server = await ToolboxFixture.StartAsync();
        Assert.Equal("visit #1", (await server.Client.FetchAsync("/cache/", ("Cache-Control", "no-store"))).Body);
        Assert.Equal("visit #2", (await server.Client.FetchAsync("/cache/")).Body);
        var (cached, body) = await server.Client.FetchAsync("/cache/");
        Assert.Equal("visit #2", body);
        Assert.NotNull(cached.Headers.Age);
    }

    /// <summary>A request's max-age=N bounds the age it accepts: a copy older than N is computed afresh, a younger one served.</summary>
    [Fact]
    public async Task A_request_max_age_refuses_copies_older_than_it()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ToolboxFixture.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        Assert.Equal("visit #1", (await server.Client.FetchAsync("/cache/")).Body);

        clock.Advance(TimeSpan.FromSeconds(10));
        var (young, body) = await server.Client.FetchAsync("/cache/", ("Cache-Control", "max-age=30"));
        Assert.Equal(("visit #1", TimeSpan.FromSeconds(10)), (body, young.Headers.Age));
        Assert.Equal("visit #2", (await server.Client.FetchAsync("/cache/", ("Cache-Control", "max-age=5"))).Body);
        // At exactly its age the copy is still fresh enough (RFC 9111 5.2.1.1: "not older than").
        clock.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal("visit #2", (await server.Client.FetchAsync("/cache/", ("Cache-Control", "max-age=7"))).Body);
    }

    [Fact]
    public async Task Max_age_zero_is_never_served_from_the_cache()
    {
        // CherryPy serves it for the first second (its ages are whole seconds).
        await using var server = await ToolboxFixture.StartAsync();
        await server.Client.FetchAsync("/cache/");
        Assert.Equal("visit #2", (await server.Client.FetchAsync("/cache/", ("Cache-Control", "max-age=0"))).Body);
        Assert.Equal("visit #2", (await server.Client.FetchAsync("/cache/", ("Cache-Control", "max-age=60"))).Body);
    }

    [Fact]
    public async Task Malformed_max_age_is_400()
    {
        await using var server = await ToolboxFixture.StartAsync();
        var (response, body) = await server.Client.FetchAsync("/cache/", ("Cache-Control", "max-age=abc"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid Cache-Control header", Http.ErrorMessage(body));
    }

    [Fact]
    public async Task Post_invalidates_even_when_the_handler_fails_and_is_not_cached()
    {
        await using var server = await ToolboxFixture.StartAsync();
        await server.Client.FetchAsync("/cache/");
        var (failed, _) = await server.Client.FetchAsync(HttpMethod.Post, "/cache/", "x=1", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal("visit #2", (await server.Client.FetchAsync("/cache/")).Body);
        Assert.Equal("visit #3", (await server.Client.FetchAsync(HttpMethod.Post, "/cache/", "", "application/x-www-form-urlencoded")).Body);
        Assert.Equal("visit #4", (await server.Client.FetchAsync("/cache/")).Body);
        Assert.Equal("visit #4", (await server.Client.FetchAsync("/cache/")).Body);
    }

    [Fact]
    public async Task The_method_is_part_of_the_key()
    {
        await using var server = await ToolboxFixture.StartAsync();
        await server.Client.FetchAsync("/cache/");
        var (head, _) = await server.Client.FetchAsync(HttpMethod.Head, "/cache/");
        Assert.Null(head.Headers.Age);
        Assert.NotNull((await server.Client.FetchAsync(HttpMethod.Head, "/cache/")).Response.Headers.Age);
    }

    [Fact]
    public async Task Cached_validators_answer_304_and_dates_are_compared()
    {
        await using var server = await ToolboxFixture.StartAsync();
        var (first, _) = await server.Client.FetchAsync("/cache/lastmod");
        Assert.Equal("Sun, 28 Jan 2007 00:00:00 GMT", first.Content.Headers.GetValues("Last-Modified").Single());
        var (notModified, body) = await server.Client.FetchAsync("/cache/lastmod", ("If-Modified-Since", "Sun, 28 Jan 2007 00:00:00 GMT"));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.NotNull(notModified.Headers.Age);
        Assert.Equal("", body);
        // CherryPy compares strings and answers 200 to a later date.
        Assert.Equal(HttpStatusCode.NotModified, (await server.Client.FetchAsync("/cache/lastmod", ("If-Modified-Since", "Mon, 29 Jan 2007 00:00:00 GMT"))).Response.StatusCode);
        var (older, olderBody) = await server.Client.FetchAsync("/cache/lastmod", ("If-Modified-Since", "Sat, 27 Jan 2007 00:00:00 GMT"));
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal("lastmod visit #1", olderBody);
    }

    [Fact]
    public async Task Variants_follow_the_vary_header()
    {
        await using var server = await ToolboxFixture.StartAsync();
        var english = await server.Client.FetchAsync("/cache/varying", ("Accept-Language", "en"));
        var french = await server.Client.FetchAsync("/cache/varying", ("Accept-Language", "fr"));
        Assert.Equal("language en visit #1", english.Body);
        Assert.Equal("language fr visit #2", french.Body);
        Assert.Equal("language en visit #1", (await server.Client.FetchAsync("/cache/varying", ("Accept-Language", "en"))).Body);
        Assert.Equal("language fr visit #2", (await server.Client.FetchAsync("/cache/varying", ("Accept-Language", "fr"))).Body);
    }

    [Fact]
    public async Task Concurrent_misses_compute_once()
    {
        await using var server = await ToolboxFixture.StartAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => server.Client.FetchAsync("/cache/slow")));
        Assert.All(answers, a => Assert.Equal("slow visit #1", a.Body));
    }

    [Theory]
    [InlineData(SharedCache.DistributedCache)]
    [InlineData(SharedCache.Redis)]
    public async Task Responses_are_stored_in_a_shared_redis_store(SharedCache kind)
    {
        var useRedis = await SharedCacheStores.RegistrationAsync(kind);
        // Two instances behind one host name share what either stored.
        await using var first = await ToolboxFixture.StartAsync(useRedis);
        await using var second = await ToolboxFixture.StartAsync(useRedis);
        var host = ("Host", "shop.example");
        Assert.Equal("visit #1", (await first.Client.FetchAsync("/cache/", host)).Body);
        var (shared, body) = await second.Client.FetchAsync("/cache/", host);
        Assert.Equal("visit #1", body);
        Assert.NotNull(shared.Headers.Age);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/cache/") { Content = new StringContent("") };
        post.Headers.Host = "shop.example";
        Assert.Equal("visit #1", (await second.Client.FetchAsync(post)).Body);
        Assert.Equal("visit #2", (await first.Client.FetchAsync("/cache/", host)).Body);
    }

    [Fact]
    public async Task A_flood_of_host_headers_stays_within_the_store_limits()
    {
        using var store = new MemoryCacheStore { MaxObjects = 50, MaxSize = 20_000 };
        await using var server = await ToolboxFixture.StartAsync(services => services.AddSingleton<ICacheStore>(store));
        for (var i = 0; i < 5_000; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/cache/");
            request.Headers.Host = $"h{i}.example";
            Assert.Equal(HttpStatusCode.OK, (await server.Client.FetchAsync(request)).Response.StatusCode);
            Assert.InRange(store.Count, 1, 50);
            Assert.InRange(store.Size, 1, 20_000);
        }
        var english = ("Accept-Language", "en");
        var first = await server.Client.FetchAsync("/cache/varying", english);
        var (cached, body) = await server.Client.FetchAsync("/cache/varying", english);
        Assert.Equal(first.Body, body);
        Assert.NotNull(cached.Headers.Age);
    }

    [Fact]
    public async Task A_waiter_computes_itself_when_the_first_miss_outlasts_the_timeout()
    {
        // The first request holds the key for 300 ms; with a 0 s timeout, the others stop waiting at once.
        await using var server = await CherryServer.StartAsync(app => app.MapCherry<App.ToolboxRoot>("/", o => o
            .Set("/cache/slow", "tools.caching.antistampede_timeout", "0")));
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => server.Client.FetchAsync("/cache/slow")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Response.StatusCode));
        Assert.Equal(3, answers.Select(a => a.Body).Distinct().Count());
    }
}
