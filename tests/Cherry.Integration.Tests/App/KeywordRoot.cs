namespace Cherry.Integration.Tests.App;

/// <summary>Parameters bound by name only, for <see cref="KeywordOnlyTests"/>.</summary>
public sealed class KeywordRoot
{
    [Exposed]
    public string Hello([KeywordOnly] string name = "world") => "Hello " + name + "!";

    [Exposed]
    public string Page([KeywordOnly] int size, string section = "top") => section + " " + size;
}
