using System.Runtime.CompilerServices;

namespace Cherry.Integration.Tests.App;

// A C# mirror of reference_app.py's tool sections (cache, expires, cond, gzip, tools), plus the cases the
// issue adds (brotli, streaming, If-Range, three forms of each tool).

public sealed class ToolboxRoot
{
    public CacheApp Cache { get; } = new();

    public ExpiresApp Expires { get; } = new();

    public CondApp Cond { get; } = new();

    public GzipApp Gzip { get; } = new();

    public MiscTools Tools { get; } = new();

    public ConfiguredTools Configured { get; } = new();

    public HelperTools Helpers { get; } = new();

    [Exposed]
    public string Index(string name = "world") => "Hello " + name;
}

[Caching(Delay = 3600)]
public sealed class CacheApp
{
    private int _visits;
    private int _lastModifiedVisits;
    private int _slowVisits;
    private int _cookieVisits;
    private int _teapotVisits;

    [Exposed]
    public string Index() => "visit #" + Interlocked.Increment(ref _visits);

    [Exposed]
    public string Lastmod(Response response)
    {
        response.Headers.LastModified = "Sun, 28 Jan 2007 00:00:00 GMT";
        return "lastmod visit #" + Interlocked.Increment(ref _lastModifiedVisits);
    }

    [Exposed]
    public string Varying(Request request, Response response)
    {
        response.Headers.Vary = "Accept-Language";
        return "language " + request.Headers.AcceptLanguage + " visit #" + Interlocked.Increment(ref _visits);
    }

    [Exposed]
    public string Cookie(Response response)
    {
        response.Cookies.Append("flavour", "oat");
        return "cookie visit #" + Interlocked.Increment(ref _cookieVisits);
    }

    [Exposed]
    public string Teapot(Response response)
    {
        response.Status = "418";
        return "teapot visit #" + Interlocked.Increment(ref _teapotVisits);
    }

    [Exposed]
    public async Task<string> Slow()
    {
        var visit = Interlocked.Increment(ref _slowVisits);
        await Task.Delay(300);
        return "slow visit #" + visit;
    }
}

public sealed class ExpiresApp
{
    [Exposed, Expires(Secs = 60)]
    public string Plain() => "no cache indicator => expires tool does nothing";

    [Exposed, Expires(Secs = 60)]
    public string WithEtag(Response response)
    {
        response.Headers.ETag = "\"abc\"";
        return "etag present => Expires set";
    }

    [Exposed, Expires(Secs = 0, Force = true)]
    public string Force0() => "forced no-cache";
}

public sealed class CondApp
{
    [Exposed, Etags(AutoTags = true)]
    public string Auto() => "Oh wah ta goo Siam.";

    [Exposed]
    public string Since(Request request)
    {
        request.Response.Headers.LastModified = "Sun, 28 Jan 2007 00:00:00 GMT";
        Conditional.ValidateSince(request);
        return "since body";
    }

    [Exposed]
    public string Ranged(Request request)
    {
        request.Response.Headers.ETag = "\"v1\"";
        request.Response.Headers.LastModified = "Sun, 28 Jan 2007 00:00:00 GMT";
        return Conditional.IfRangeAllowsPartial(request) ? "partial allowed" : "whole entity";
    }
}

[Gzip]
public sealed class GzipApp
{
    [Exposed]
    public string Index() => string.Concat(Enumerable.Repeat("Hello, gzip world! ", 10));

    [Exposed, ResponseHeaders("Content-Type", "application/json")]
    public string Json() => "{\"not\": \"gzipped by default mime_types\"}";

    [Exposed]
    public async IAsyncEnumerable<string> Stream([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(1, cancellation);
            yield return $"chunk {i}; ";
        }
    }
}

public sealed class MiscTools
{
    [Exposed, Accept("text/html", "text/plain")]
    public string Accept() => "accept ok";

    [Exposed]
    public string Select(Request request) => "selected " + AcceptTool.Select(request, "text/html", "text/plain");

    [Exposed, Allow("GET", "POST")]
    public string Allow(Request request) => "allowed " + request.Method;

    [Exposed, Referer(@"http://[^/]*example\.com")]
    public string Referer() => "referer ok";

    [Exposed, Referer(@"http://[^/]*example\.com", Accept = false, AcceptMissing = true)]
    public string RefererReject() => "referer_reject ok";

    [Exposed, Proxy(Base = "www.proxied.test")]
    public string Proxy(Request request) => $"base={request.Base} remote={request.RemoteAddress} url={request.Url()}";

    [Exposed, Proxy]
    public string ProxyDefault(Request request) => $"base={request.Base} remote={request.RemoteAddress}";

    [Exposed, ResponseHeaders("X-Custom", "yes", "Content-Type", "text/plain")]
    public string Headers() => "custom headers";

    [Exposed, Redirect("/index?name=toolredirect")]
    public string RedirectInternal() => "never";

    [Exposed, Redirect("/dir1/", Internal = false)]
    public string RedirectExternal() => "never";

    [Exposed, ErrRedirect("/index?name=errredirect", Internal = false)]
    public string ErrRedirect() => throw new InvalidOperationException("goes to err_redirect");

    [Exposed, Autovary]
    public string Autovary(Request request)
    {
        _ = request.Headers.AcceptLanguage;
        _ = request.Headers.ContainsKey("If-Modified-Since");
        return "autovary";
    }

    [Exposed, Flatten]
    public IEnumerable<object?> Flatten()
    {
        yield return Inner();
        yield return "c"u8.ToArray();

        static IEnumerable<object> Inner()
        {
            yield return "a"u8.ToArray();
            yield return "b";
        }
    }

    [Exposed]
    public IEnumerable<object?> Unflattened()
    {
        yield return new[] { "a" };
    }

    [Exposed, IgnoreHeaders("Range")]
    public string IgnoreRange(Request request) => "range=" + request.Headers.Range;

    [Exposed, Encode(Encoding = "iso-8859-1")]
    public string Latin1() => "caf\u00e9";

    [Exposed, Decode(Encoding = "iso-8859-1")]
    public string Decoded(string text) => "decoded " + text;
}

/// <summary>The third form: tools called as helpers inside handlers.</summary>
public sealed class HelperTools
{
    [Exposed]
    public string Guarded(Request request)
    {
        AllowTool.Check(request, "GET");
        RefererTool.Check(request, @"https://[^/]*example\.org", acceptMissing: true);
        ProxyTool.Apply(request, "helper.test");
        request.Response.Headers.ETag = "\"h1\"";
        ExpiresTool.Apply(request, TimeSpan.FromSeconds(30));
        return "helpers passed, url " + request.Url();
    }
}

/// <summary>Handlers whose tools come only from configuration (the second form of every tool).</summary>
public sealed class ConfiguredTools
{
    [Exposed]
    public string Index() => string.Concat(Enumerable.Repeat("configured ", 20));

    [Exposed]
    public string Accepting() => "configured accept";

    [Exposed]
    public string Allowing(Request request) => "configured allow " + request.Method;

    [Exposed]
    public string Referring() => "configured referer";

    [Exposed]
    public string Proxied(Request request) => $"configured proxy {request.Url()} {request.RemoteAddress}";

    [Exposed]
    public string Moved() => "never";

    [Exposed]
    public string Failing() => throw new InvalidOperationException("configured failure");

    [Exposed]
    public string Varying(Request request) => "configured vary " + request.Headers.UserAgent;

    [Exposed]
    public IEnumerable<object?> Nested()
    {
        yield return new object[] { "x", new[] { "y" } };
        yield return "z";
    }

    [Exposed]
    public string Ranging(Request request) => "configured range=" + request.Headers.Range;

    [Exposed]
    public string Charset() => "configured caf\u00e9";

    [Exposed]
    public string Decoding(string text) => "configured decoded " + text;

    private int _visits;

    [Exposed]
    public string Cached() => "configured visit #" + Interlocked.Increment(ref _visits);
}
