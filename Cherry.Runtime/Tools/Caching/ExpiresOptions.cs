namespace Cherry;

/// <summary>
/// expires's arguments and their defaults (CherryPy's). <see cref="ExpiresAttribute"/> sets them, configuration's
/// <c>tools.expires.*</c> overrides them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record ExpiresOptions
{
    /// <summary>Seconds until the response expires; 0 forbids caching (<c>secs</c>).</summary>
    public int Secs { get; init; }

    /// <summary>Act even when the response carries no ETag, Last-Modified, Age or Expires (<c>force</c>).</summary>
    public bool Force { get; init; }

    internal ExpiresOptions Bind(ToolArguments arguments) => new()
    {
        Secs = arguments.Bind(ToolCatalog.Expires.Secs, Secs),
        Force = arguments.Bind(ToolCatalog.Expires.Force, Force),
    };
}
