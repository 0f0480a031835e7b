using System.Runtime.CompilerServices;
using Conformance;

namespace Cherry.Integration.Tests.App;

// The reference app's tool sections (cache, expires, cond, gzip, tools) from samples/Conformance, extended with the
// cases the issue adds (brotli, streaming, If-Range, cookies and failures under caching, the three forms of each tool).

public sealed class ToolboxRoot
{
    public ExtendedCacheApp Cache { get; } = new();

    public ExpiresApp Expires { get; } = new();

    public ExtendedCondApp Cond { get; } = new();

    public ExtendedGzipApp Gzip { get; } = new();

    public GzipOnly GzipOnly { get; } = new();

    public ExtendedMiscTools Tools { get; } = new();

    public ConfiguredTools Configured { get; } = new();

    public HelperTools Helpers { get; } = new();

    [Exposed]
    public string Index(string name = "world") => "Hello " + name;
}

/// <summary>Cached by attribute here (conformance.conf does it in the sample).</summary>
[Caching(Delay = 3600)]
public sealed class ExtendedCacheApp : CacheApp
{
    private int _visits;
    private int _slowVisits;
    private int _cookieVisits;
    private int _teapotVisits;
    private int _markedVisits;

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

    /// <summary>Answers with the Cache-Control directive the caller names.</summary>
    [Exposed]
    public string Marked(Response response, string directive)
    {
        response.Headers.CacheControl = directive;
        return directive + " visit #" + Interlocked.Increment(ref _markedVisits);
    }

    /// <summary>Cached and compressed: the stored copy is the compressed one, varying on Accept-Encoding.</summary>
    [Exposed, Gzip]
    public string Zipped() => "zipped visit #" + Interlocked.Increment(ref _markedVisits) + string.Concat(Enumerable.Repeat(" padding", 40));

    /// <summary>Answers with the status the caller names.</summary>
    [Exposed]
    public string Status(Response response, string status)
    {
        response.Status = status;
        return status + " visit #" + Interlocked.Increment(ref _markedVisits);
    }

    [Exposed]
    public async Task<string> Slow()
    {
        var visit = Interlocked.Increment(ref _slowVisits);
        await Task.Delay(300);
        return "slow visit #" + visit;
    }
}

public sealed class ExtendedCondApp : CondApp
{
    [Exposed]
    public string Ranged(Request request)
    {
        request.Response.Headers.ETag = "\"v1\"";
        request.Response.Headers.LastModified = "Sun, 28 Jan 2007 00:00:00 GMT";
        return Conditional.IfRangeAllowsPartial(request) ? "partial allowed" : "whole entity";
    }

    /// <summary>A weak validator with the entity headers a 304 must not carry.</summary>
    [Exposed, Etags]
    public string Weak(Response response)
    {
        response.Headers.ETag = "W/\"w1\"";
        response.Headers.ContentLanguage = "en";
        response.Headers.ContentLocation = "/cond/weak";
        response.Headers.Expires = "Thu, 01 Jan 2099 00:00:00 GMT";
        response.Headers.LastModified = "Sun, 28 Jan 2007 00:00:00 GMT";
        return "weak";
    }
}

public sealed class ExtendedGzipApp : GzipApp
{
    [Exposed]
    public string Missing() => throw new NotFound();

    [Exposed]
    public string Broken() => throw new InvalidOperationException("broken");

    [Exposed]
    public string Empty() => "";

    [Exposed]
    public async IAsyncEnumerable<string> EmptyStream([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await Task.Delay(1, cancellation);
        yield break;
    }

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

/// <summary>gzip without br, as CherryPy's tool.</summary>
[Gzip(Brotli = false)]
public sealed class GzipOnly
{
    [Exposed]
    public string Index() => "<html><body>" + string.Concat(Enumerable.Repeat("gzip alone ", 50)) + "</body></html>";
}

public sealed class ExtendedMiscTools : MiscTools
{
    [Exposed]
    public IEnumerable<object?> Unflattened()
    {
        yield return new[] { "a" };
    }

    [Exposed, Decode(Encoding = "iso-8859-1")]
    public string Decoded(string text) => "decoded " + text;

    [Exposed, Decode(DefaultEncoding = "iso-8859-1")]
    public string DecodedAfter(string text) => "decoded " + text;

    /// <summary>A charset the handler declares and .NET does not know: the text goes as the default encoding's bytes.</summary>
    [Exposed, ResponseHeaders("Content-Type", "text/plain;charset=x-klingon")]
    public string Klingon() => "caf\u00e9";
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
