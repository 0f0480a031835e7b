using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>Adds names to the response's Vary header once each.</summary>
public static class Vary
{
    public static void Add(IHeaderDictionary headers, string name)
    {
        var current = headers.Vary.ToString();
        var names = current.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            headers.Vary = current.Length == 0 ? name : current + ", " + name;
        }
    }
}
