using Microsoft.AspNetCore.Http;

namespace Cherry;

/// <summary>The hand-written part of sessions's generated options: the arguments configuration gives by name.</summary>
public sealed partial record SessionsOptions
{
    /// <summary>A switch's words (ConfigGrammar's, as every switch reads them), or a policy's name.</summary>
    private static CookieSecurePolicy BindSecure(ToolArguments arguments, CookieSecurePolicy current) =>
        !arguments.TryGetString(ToolCatalog.Sessions.Secure.Key, out var text) ? current
        : ConfigGrammar.TryParseBoolean(text, out var on) ? (on ? CookieSecurePolicy.Always : CookieSecurePolicy.None)
        : text.ToLowerInvariant() switch
        {
            "always" => CookieSecurePolicy.Always,
            "none" => CookieSecurePolicy.None,
            "sameasrequest" => CookieSecurePolicy.SameAsRequest,
            _ => throw arguments.Malformed(ToolCatalog.Sessions.Secure.Key, $"'{text}' is not a policy: expected True (or Always), False (or None), or SameAsRequest."),
        };

    private static SameSiteMode BindSameSite(ToolArguments arguments, SameSiteMode current) =>
        EnumFrom(arguments, ToolCatalog.Sessions.SameSite, current, "Lax, Strict or None");

    private static SessionLocking BindLocking(ToolArguments arguments, SessionLocking current) =>
        EnumFrom(arguments, ToolCatalog.Sessions.Locking, current, "implicit, early or explicit");

    /// <summary>CherryPy's class names are accepted for the two stores Cherry has.</summary>
    private static string BindStorageClass(ToolArguments arguments, string current) =>
        arguments.Bind(ToolCatalog.Sessions.StorageClass, current).ToLowerInvariant() switch
        {
            "ram" or "ramsession" => "ram",
            "file" or "filesession" => "file",
            var other => throw arguments.Malformed(ToolCatalog.Sessions.StorageClass.Key,
                $"'{other}' is not a session store here (ram or file; register ISessionStore for others)."),
        };

    /// <summary>An enum argument configuration gives by name (the catalog declares it a string).</summary>
    private static T EnumFrom<T>(ToolArguments arguments, ToolArgument<string> argument, T current, string accepted)
        where T : struct, Enum =>
        !arguments.TryGetString(argument.Key, out var text) ? current
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
        : throw arguments.Malformed(argument.Key, $"'{text}' is not accepted: expected {accepted}.");
}
