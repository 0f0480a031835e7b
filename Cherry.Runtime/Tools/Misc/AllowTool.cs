namespace Cherry;

/// <summary>
/// CherryPy's <c>allow</c> (on_start_resource): answers 405 to methods not listed and sets <c>Allow</c> on every
/// response. HEAD is implied by GET. The default is GET and HEAD.
/// </summary>
public sealed class AllowTool : HookTool
{
    public const string ToolName = ToolCatalog.Allow.Name;

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.OnStartResource;

    public AllowOptions Options { get; set; } = new();

    public override void Configure(ToolArguments arguments) => Options = Options.Bind(arguments);

    public override ValueTask RunAsync(Request request)
    {
        Check(request, Options.Methods);
        return ValueTask.CompletedTask;
    }

    /// <summary>The helper form.</summary>
    public static void Check(Request request, params string[] methods)
    {
        var allowed = methods.Select(m => m.ToUpperInvariant()).ToList();
        if (allowed.Contains("GET") && !allowed.Contains("HEAD"))
        {
            allowed.Add("HEAD");
        }
        request.Response.Headers.Allow = string.Join(", ", allowed);
        if (!allowed.Contains(request.Method))
        {
            throw new HttpError(405);
        }
    }
}

/// <summary>Turns on <see cref="AllowTool"/>: <c>[Allow("GET", "POST")]</c>.</summary>
public sealed class AllowAttribute(params string[] methods) : ToolAttribute
{
    // No methods keeps the default.
    private readonly AllowOptions _options = methods.Length == 0 ? new() : new() { Methods = methods };

    /// <inheritdoc cref="AllowOptions.Methods"/>
    public string[] Methods => _options.Methods;

    public override Tool CreateTool() => new AllowTool { Options = _options };
}
