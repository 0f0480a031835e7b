namespace Cherry;

/// <summary>Media-type matching for tools that act on some types only.</summary>
public static class MediaTypes
{
    /// <summary>The media type without parameters, lower-cased: <c>text/html</c> for <c>text/html;charset=utf-8</c>.</summary>
    public static string Of(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return "";
        }
        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    /// <summary>True when <paramref name="mediaType"/> is listed, or matches a <c>type/*</c> or <c>type/*+suffix</c> pattern.</summary>
    public static bool Matches(IEnumerable<string> patterns, string mediaType)
    {
        var slash = mediaType.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }
        var major = mediaType[..slash];
        var plus = mediaType.LastIndexOf('+');
        foreach (var raw in patterns)
        {
            var pattern = raw.Trim().ToLowerInvariant();
            if (pattern == mediaType || pattern == major + "/*"
                || (plus > slash && pattern == major + "/*" + mediaType[plus..]))
            {
                return true;
            }
        }
        return false;
    }
}
