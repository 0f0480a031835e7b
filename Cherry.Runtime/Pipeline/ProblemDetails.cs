using System.Buffers;
using System.Text.Json;
using Cherry.Http;

namespace Cherry;

/// <summary>
/// Error responses as <c>application/problem+json</c> (RFC 9457) for clients that read JSON: the handler is
/// <c>[JsonOut]</c>, or the request's Accept admits only JSON media types. Written with a <see cref="Utf8JsonWriter"/>,
/// so there is no reflection and nothing to trim.
/// </summary>
internal static class ProblemDetails
{
    public const string ContentType = "application/problem+json";

    /// <summary>
    /// True for a <c>[JsonOut]</c> handler's errors, and when every media type the Accept header admits (q &gt; 0) is
    /// JSON (<c>application/json</c> or a <c>+json</c> suffix); an absent, <c>*/*</c>, HTML or malformed Accept keeps
    /// the HTML page.
    /// </summary>
    public static bool IsWanted(Request request)
    {
        if (request.Handler.JsonOut)
        {
            return true;
        }
        try
        {
            var admitted = HeaderElements.ParseAccept("Accept", request.Headers.Accept.ToString()).Where(e => e.Quality > 0).ToList();
            return admitted.Count > 0 && admitted.All(e => IsJson(e.Value));
        }
        catch (HeaderFormatException)
        {
            // A malformed Accept is not a reason to change the format of the error that answers it.
            return false;
        }
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The problem document: type, title (the reason phrase), status, detail, a validation's errors by member
    /// (<c>ValidationProblemDetails</c>' <c>errors</c>), and the traceback as an extension member when shown.
    /// </summary>
    public static void Render(Request request, int status, string title, string detail, string? type, string? traceback, IReadOnlyDictionary<string, string[]>? errors)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, type ?? "about:blank");
            writer.WriteString("title"u8, title);
            writer.WriteNumber("status"u8, status);
            writer.WriteString("detail"u8, detail);
            if (errors is not null)
            {
                writer.WriteStartObject("errors"u8);
                foreach (var (member, messages) in errors)
                {
                    writer.WriteStartArray(member);
                    foreach (var message in messages)
                    {
                        writer.WriteStringValue(message);
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            if (traceback is not null)
            {
                writer.WriteString("traceback"u8, traceback);
            }
            writer.WriteEndObject();
        }
        request.Response.ContentType = ContentType;
        request.Response.Body = buffer.WrittenMemory.ToArray();
    }
}
