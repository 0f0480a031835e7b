using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>
/// The response being built: CherryPy's <c>cherrypy.response</c>. The status is validated and the body
/// written only at finalize, so tools at <see cref="HookPoint.BeforeFinalize"/> can still change both.
/// </summary>
public sealed class Response
{
    private readonly HttpResponse _http;

    internal Response(HttpResponse http) => _http = http;

    /// <summary>
    /// The status as CherryPy takes it: a code (<c>"201"</c>) or a code and reason (<c>"299 Custom"</c>).
    /// Checked at finalize; an illegal value becomes a 500.
    /// </summary>
    public string? Status { get; set; }

    /// <summary>Sets <see cref="Status"/> from a code.</summary>
    public int StatusCode
    {
        set => Status = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public IHeaderDictionary Headers => _http.Headers;

    public IResponseCookies Cookies => _http.Cookies;

    /// <summary>The body; buffered so that finalize-time tools (gzip, etags, caching) can see it.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    public string? ContentType
    {
        get => _http.Headers.ContentType;
        set => _http.Headers.ContentType = value;
    }

    /// <summary>Sets a text body, encoded as UTF-8 (the encode tool adds <c>;charset=utf-8</c> to <c>text/*</c> at finalize).</summary>
    public void SetText(string? text) => Body = text is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(text);
}
