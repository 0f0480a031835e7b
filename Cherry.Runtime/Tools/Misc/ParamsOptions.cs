namespace Cherry;

/// <summary>
/// params' argument and its default (CherryPy's). <see cref="ParamsAttribute"/> sets it, configuration's
/// <c>tools.params.error</c> overrides it; its key and rule are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record ParamsOptions
{
    /// <summary>The status of a request value a typed parameter cannot take: 400 to 599 (<c>error</c>).</summary>
    public int Error { get; init; } = 400;

    internal ParamsOptions Bind(ToolArguments arguments) => new()
    {
        Error = arguments.Bind(ToolCatalog.Params.Error, Error),
    };
}
