using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Cherry.Integration.Tests;

internal static partial class Http
{
    public static async Task<(HttpResponseMessage Response, string Body)> FetchAsync(this HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.FetchAsync(request);
    }

    public static async Task<(HttpResponseMessage Response, string Body)> FetchAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static async Task<(HttpResponseMessage Response, string Body)> FetchAsync(this HttpClient client, HttpMethod method, string url, string? body = null, string? contentType = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }
        return await client.FetchAsync(request);
    }

    /// <summary>The message of an error: the HTML page's paragraph, or a problem document's detail.</summary>
    public static string ErrorMessage(string body)
    {
        if (body.StartsWith("{\"type\":", StringComparison.Ordinal))
        {
            return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
        }
        var match = ParagraphPattern().Match(body);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : body.Trim();
    }

    [GeneratedRegex("<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ParagraphPattern();

    /// <summary>Sends raw bytes over a socket, for requests HttpClient refuses to make (no Host, bad framing).</summary>
    public static async Task<string> RawAsync(Uri server, string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }
}
