using Microsoft.AspNetCore.Http;

namespace Cherry;

internal static class HttpMethodRules
{
    /// <summary>CherryPy's <c>methods_with_bodies</c>.</summary>
    /// <remarks>The server's own GET string is let through first: most requests are GETs, and the others compare without case.</remarks>
    public static bool HasBody(string method) =>
        !ReferenceEquals(method, HttpMethods.Get) && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method));
}
