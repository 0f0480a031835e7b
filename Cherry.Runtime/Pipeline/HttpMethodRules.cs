using Microsoft.AspNetCore.Http;

namespace Cherry;

internal static class HttpMethodRules
{
    /// <summary>CherryPy's <c>methods_with_bodies</c>.</summary>
    public static bool HasBody(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
}
