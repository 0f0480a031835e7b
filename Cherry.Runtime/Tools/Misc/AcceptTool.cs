using Cherry.Http;

namespace Cherry;

/// <summary>
/// CherryPy's <c>accept</c> (on_start_resource): refuses with 406 a client whose Accept header matches none of
/// <see cref="AcceptOptions.Media"/>. <see cref="Select"/> is the helper form and returns the chosen type.
/// </summary>
public sealed partial class AcceptTool : HookTool
{
    public override ValueTask RunAsync(Request request)
    {
        if (Options.Media.Length > 0)
        {
            Select(request, Options.Media);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The media type to send: the first of <paramref name="media"/> when the client sent no Accept, else the best
    /// match in the client's preference order (<c>*/*</c> and <c>type/*</c> included).
    /// </summary>
    /// <exception cref="HttpError">406 with CherryPy's message when nothing matches; 400 for a malformed header.</exception>
    public static string Select(Request request, params string[] media)
    {
        var header = request.Headers.Accept.ToString();
        if (header.Length == 0)
        {
            return media[0];
        }
        IReadOnlyList<AcceptElement> accepted;
        try
        {
            accepted = HeaderElements.ParseAccept("Accept", header);
        }
        catch (HeaderFormatException ex)
        {
            throw ex.ToHttpError();
        }
        foreach (var element in accepted)
        {
            if (element.Quality <= 0)
            {
                continue;
            }
            var value = element.Value.ToLowerInvariant();
            if (value == "*/*")
            {
                return media[0];
            }
            if (value.EndsWith("/*", StringComparison.Ordinal))
            {
                var prefix = value[..^1];
                if (Array.Find(media, m => m.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) is { } byPrefix)
                {
                    return byPrefix;
                }
            }
            else if (Array.Find(media, m => m.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } exact)
            {
                return exact;
            }
        }
        throw new HttpError(406, $"Your client sent this Accept header: {header}. But this resource only emits these media types: {string.Join(", ", media)}.");
    }
}
