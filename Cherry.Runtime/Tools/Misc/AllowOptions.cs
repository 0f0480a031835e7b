namespace Cherry;

/// <summary>
/// allow's argument and its default (CherryPy's). <see cref="AllowAttribute"/> sets it, configuration's
/// <c>tools.allow.methods</c> overrides it; its key and rule are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record AllowOptions
{
    /// <summary>The methods answered; HEAD is implied by GET (<c>methods</c>).</summary>
    public string[] Methods { get; init; } = ["GET", "HEAD"];

    internal AllowOptions Bind(ToolArguments arguments) => new()
    {
        Methods = arguments.Bind(ToolCatalog.Allow.Methods, Methods),
    };
}
