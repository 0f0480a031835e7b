using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cherry.Http;

/// <summary>The request-target as the client sent it (path and query, still escaped).</summary>
internal static class RequestTarget
{
    /// <summary>
    /// The raw target, or null when the server gives none. Read through the feature collection's indexer, not
    /// <c>Get&lt;T&gt;()</c>: a generic interface method costs a lookup per call in a native AOT build, and every request
    /// reads this.
    /// </summary>
    public static string? Raw(HttpContext context) =>
        (context.Features[typeof(IHttpRequestFeature)] as IHttpRequestFeature)?.RawTarget;
}
