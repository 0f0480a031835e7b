namespace Cherry;

/// <summary>
/// CherryPy's <c>allow</c> (on_start_resource): answers 405 to methods not listed and sets <c>Allow</c> on every
/// response. HEAD is implied by GET. The default is GET and HEAD.
/// </summary>
public sealed class AllowTool : HookTool
{
    public const string ToolName = "allow";

    public override string Name => ToolName;

    public override HookPoint Point => HookPoint.OnStartResource;

    public string[] Methods { get; set; } = ["GET", "HEAD"];

    public override void Configure(ToolArguments arguments)
    {
        Methods = arguments.GetList("methods", Methods);
        if (Methods.Select(Cherry.Shared.ToolRules.AllowedMethod).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw arguments.Malformed("methods", problem);
        }
    }

    public override ValueTask RunAsync(Request request)
    {
        Check(request, Methods);
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
    public string[] Methods { get; } = methods;

    public override Tool CreateTool() => new AllowTool { Methods = Methods.Length == 0 ? ["GET", "HEAD"] : Methods };
}
