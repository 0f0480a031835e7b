using Microsoft.Extensions.Primitives;

namespace Cherry.Integration.Tests.App;

/// <summary>Handlers whose parameters are as untyped as Python's: <see cref="StringValues"/>.</summary>
public sealed class UntypedRoot
{
    [Exposed]
    public string Thing(StringValues thing) => Describe(thing);

    [Exposed]
    public string Pair(StringValues first, StringValues second = default) => Describe(first) + " " + Describe(second);

    [Exposed]
    public string Tags([KeywordOnly] StringValues tag = default) => Describe(tag);

    /// <summary>How many values, and which: a parameter given once is one text, a repeated name every text.</summary>
    private static string Describe(StringValues values) => values.Count + ":" + string.Join(",", values.ToArray());
}
