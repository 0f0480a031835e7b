namespace Cherry;

/// <summary>
/// auth_basic's arguments and their defaults. <see cref="AuthBasicAttribute"/> sets them, configuration's
/// <c>tools.auth_basic.*</c> overrides them; their keys and rules are declared once in Shared/ToolCatalog.cs.
/// </summary>
public sealed record AuthBasicOptions
{
    /// <summary>
    /// The realm, required and without a double quote; the <see cref="CheckPassword"/> registered in DI under it
    /// checks the credentials (<c>realm</c>).
    /// </summary>
    public string Realm { get; init; } = "";

    /// <summary>The charset credentials are decoded with before ISO-8859-1; advertised unless it is ISO-8859-1 (<c>accept_charset</c>).</summary>
    public string AcceptCharset { get; init; } = "utf-8";

    /// <summary>
    /// The key of the <see cref="Cherry.CheckPassword"/> that checks this path's credentials, when it is not the realm's: one realm
    /// with a password source per path, as CherryPy's per-path <c>checkpassword</c> (<c>checkpassword</c>).
    /// </summary>
    public string? CheckPassword { get; init; }

    internal AuthBasicOptions Bind(ToolArguments arguments) => new()
    {
        Realm = arguments.Bind(ToolCatalog.AuthBasic.Realm, Realm),
        AcceptCharset = arguments.Bind(ToolCatalog.AuthBasic.AcceptCharset, AcceptCharset),
        CheckPassword = arguments.Bind(ToolCatalog.AuthBasic.CheckPassword, CheckPassword),
    };
}
