using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cherry.Http;

/// <summary>The request-target as the client sent it (path and query, still escaped).</summary>
internal static class RequestTarget
{
    /// <summary>
    /// The raw target, or null when the server gives none. Through <c>Get&lt;T&gt;()</c>, not the indexer: Kestrel's
    /// feature collection is its connection object, and casting that to the feature's interface searches a long list
    /// of interfaces (profiled dearer, in a native AOT build, than the generic method's lookup). Callers read it only
    /// when the decoded path cannot answer for itself.
    /// </summary>
    public static string? Raw(HttpContext context) => context.Features.Get<IHttpRequestFeature>()?.RawTarget;
}
