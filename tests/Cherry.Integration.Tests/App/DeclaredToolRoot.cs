using System.ComponentModel.DataAnnotations;

namespace Cherry.Integration.Tests.App;

/// <summary>
/// A user's tool declared as the guide shows: one partial class whose properties are its arguments (rules from
/// DataAnnotations) and whose RunAsync is its hook; Cherry's generator writes the tool, the binding and the registration.
/// </summary>
[ToolDeclaration("signature", HookPoint.BeforeFinalize, Priority = 60)]
public sealed partial class SignatureAttribute(string by = "Cherry") : ToolAttribute
{
    public string By { get; set; } = by;

    [Range(1, 5)]
    public int Times { get; set; } = 1;

    [AllowedValues("plain", "loud")]
    public string Style { get; set; } = "plain";

    /// <summary>Appended when set; configuration's None switches an attribute's suffix off.</summary>
    public string? Suffix { get; set; }

    public ValueTask RunAsync(Request request)
    {
        var by = Style == "loud" ? By.ToUpperInvariant() : By;
        request.Response.Headers["X-Signature"] = string.Join(",", Enumerable.Repeat(by, Times)) + Suffix;
        return ValueTask.CompletedTask;
    }
}

/// <summary>A declared tool with a required argument, which a section above may leave unset for the sections below.</summary>
[ToolDeclaration("banner", HookPoint.BeforeFinalize)]
public sealed partial class BannerAttribute : ToolAttribute
{
    [Required]
    public string Text { get; set; } = "";

    public string Color { get; set; } = "black";

    public void Run(Request request) => request.Response.Headers["X-Banner"] = Color + ":" + Text;
}

public sealed class DeclaredToolRoot
{
    [Exposed, Signature("attribute", Times = 2, Suffix = "!")]
    public string Index() => "signed page";

    [Exposed]
    public string Plain() => "plain page";
}

/// <summary>
/// A tool in a toolbox of its own, as CherryPy's test_tools puts check_access in <c>Toolbox('myauth')</c>: configuration
/// names it <c>myauth.check_access.*</c>.
/// </summary>
[ToolDeclaration("check_access", HookPoint.BeforeRequestBody, Namespace = "myauth")]
public sealed partial class CheckAccessAttribute : ToolAttribute
{
    /// <summary>Whether a request without a user id gets through (CherryPy's <c>check_access(default=False)</c>).</summary>
    public bool Default { get; set; }

    public void Run(Request request)
    {
        if (!Default && string.IsNullOrEmpty(request.Headers["X-User-Id"]))
        {
            throw new HttpError(401);
        }
    }
}

public sealed class MyAuthRoot
{
    [Exposed]
    public string Restricted() => "Welcome!";

    [Exposed]
    public string Open() => "Welcome too!";
}

/// <summary>
/// A tool that wraps the handler's call, as CherryPy's HandlerWrapperTool: it decides when, and whether, the handler
/// runs, and sees what it answered.
/// </summary>
[ToolDeclaration("envelope", HookPoint.BeforeHandler)]
public sealed partial class EnvelopeAttribute : ToolAttribute
{
    public string Open { get; set; } = "[";

    public string Close { get; set; } = "]";

    /// <summary>Answers for the handler, which then never runs.</summary>
    public bool Skip { get; set; }

    public async ValueTask RunAsync(Request request, Func<ValueTask> handler)
    {
        if (Skip)
        {
            request.Response.SetText("skipped");
            return;
        }
        await handler();
        request.Response.SetText(Open + request.Response.PendingText + Close);
    }
}

public sealed class WrappedRoot
{
    [Exposed, Envelope]
    public string Index() => "inside";

    [Exposed, Envelope(Skip = true)]
    public string Never() => throw new InvalidOperationException("the wrapper skips this handler");
}
