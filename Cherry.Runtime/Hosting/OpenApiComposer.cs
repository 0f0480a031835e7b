using System.Buffers;
using System.Text.Json;

namespace Cherry;

/// <summary>
/// Joins the generated OpenAPI documents of the mounted trees into one: each tree's paths under its mount prefix,
/// their schemas by name (one compilation names each type once, so equal names are equal schemas). What configuration
/// changes is read from the completed chains, so the document says what a request runs: each operation's security is
/// that of its handler entry's chain (auth_basic, auth_digest, session_auth), and the sections where staticdir or
/// staticfile is on are paths of their own.
/// </summary>
internal static class OpenApiComposer
{
    /// <summary>The generated member that names an operation's handler entry (its index in the tree's handlers).</summary>
    private const string EntryMember = "x-cherry-entry";

    private const string Challenge = "401";

    private const string Forbidden = "403";

    public static byte[] Compose(string title, string version, IEnumerable<MountedApp> apps)
    {
        var documents = new List<(MountedApp App, JsonDocument Document)>();
        try
        {
            foreach (var app in apps)
            {
                if (app.OpenApiDocument is { } text)
                {
                    documents.Add((app, JsonDocument.Parse(text)));
                }
            }
            var used = new Dictionary<string, SecurityScheme>(StringComparer.Ordinal);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("openapi", "3.1.1");
                writer.WriteStartObject("info");
                writer.WriteString("title", title);
                writer.WriteString("version", version);
                writer.WriteEndObject();
                writer.WriteStartObject("paths");
                var paths = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (app, document) in documents)
                {
                    foreach (var path in Members(document.RootElement, "paths"))
                    {
                        // The app mounted deeper wins a URL at run time; the first one mapped keeps it here, as rarely matters.
                        if (paths.Add(app.ScriptName + path.Name))
                        {
                            writer.WritePropertyName(app.ScriptName + path.Name);
                            WritePathItem(writer, path.Value, app, used);
                        }
                    }
                    foreach (var (template, section, chain, directory) in StaticSections(app))
                    {
                        // A handler at the same URL keeps it: dispatch reaches it when the file is not there.
                        if (paths.Add(app.ScriptName + template))
                        {
                            writer.WritePropertyName(app.ScriptName + template);
                            WriteStatic(writer, section, directory, Schemes(chain), used);
                        }
                    }
                }
                writer.WriteEndObject();
                WriteComponents(writer, documents, used);
                writer.WriteEndObject();
            }
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            foreach (var (_, document) in documents)
            {
                document.Dispose();
            }
        }
    }

    private static void WritePathItem(Utf8JsonWriter writer, JsonElement item, MountedApp app, Dictionary<string, SecurityScheme> used)
    {
        writer.WriteStartObject();
        foreach (var operation in item.EnumerateObject())
        {
            writer.WritePropertyName(operation.Name);
            var entry = app.Tree.Handlers[operation.Value.GetProperty(EntryMember).GetInt32()];
            var schemes = Schemes(app.Completed[entry].Chain);
            var forbids = AddPolicySchemes(schemes, app.Policies, entry);
            WriteOperation(writer, operation.Name, operation.Value, schemes, forbids, used);
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// The generated operation without its entry member; its security and 401 are rewritten only when the chain's differ
    /// from the attributes', so a document no configuration touches stays byte for byte the generated one.
    /// </summary>
    private static void WriteOperation(Utf8JsonWriter writer, string method, JsonElement operation, List<SecurityScheme> schemes, bool forbids, Dictionary<string, SecurityScheme> used)
    {
        var hasBody = method != "head";
        var generated = operation.TryGetProperty("security", out var requirements)
            ? requirements.EnumerateArray().SelectMany(r => r.EnumerateObject()).Select(r => r.Name).ToList()
            : [];
        var unchanged = !forbids && generated.Count == schemes.Count && schemes.TrueForAll(s => generated.Contains(s.Name));
        Use(schemes, used);
        writer.WriteStartObject();
        foreach (var member in operation.EnumerateObject())
        {
            switch (member.Name)
            {
                case EntryMember:
                case "security" when !unchanged:
                    break;
                case "responses" when !unchanged:
                    writer.WriteStartObject(member.Name);
                    foreach (var response in member.Value.EnumerateObject().Where(r => r.Name is not (Challenge or Forbidden)))
                    {
                        response.WriteTo(writer);
                    }
                    if (schemes.Exists(s => s.Type == "apiKey") && !member.Value.TryGetProperty("200", out _))
                    {
                        // session_auth shows a browser that is not logged in its login form, whatever the handler answers.
                        writer.WriteStartObject("200");
                        writer.WriteString("description", "session_auth's login form, for a browser that is not logged in");
                        if (hasBody)
                        {
                            writer.WritePropertyName("content");
                            writer.WriteRawValue(ErrorContent.HtmlJson);
                        }
                        writer.WriteEndObject();
                    }
                    WriteChallenge(writer, schemes, hasBody);
                    if (forbids)
                    {
                        writer.WriteStartObject(Forbidden);
                        writer.WriteString("description", "Signed in, but not allowed by the handler's authorization policy or roles");
                        WriteErrorContent(writer, hasBody);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndObject();
                    break;
                default:
                    member.WriteTo(writer);
                    break;
            }
        }
        if (!unchanged)
        {
            WriteSecurity(writer, schemes);
        }
        writer.WriteEndObject();
    }

    /// <summary>A static section's GET and HEAD: a file, no schema (<c>{path}</c> is the rest of the URL below a directory's section).</summary>
    private static void WriteStatic(Utf8JsonWriter writer, string section, bool directory, List<SecurityScheme> schemes, Dictionary<string, SecurityScheme> used)
    {
        Use(schemes, used);
        writer.WriteStartObject();
        foreach (var method in new[] { "get", "head" })
        {
            writer.WriteStartObject(method);
            if (directory)
            {
                writer.WriteString("description", "A file of the directory tools.staticdir serves in the section [" + section + "].");
                writer.WriteStartArray("parameters");
                writer.WriteStartObject();
                writer.WriteString("name", "path");
                writer.WriteString("in", "path");
                writer.WriteString("description", "The file's path in the directory, one or more segments.");
                writer.WriteBoolean("required", true);
                writer.WriteStartObject("schema");
                writer.WriteString("type", "string");
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteString("description", "The file tools.staticfile serves in the section [" + section + "].");
            }
            writer.WriteStartObject("responses");
            writer.WriteStartObject("200");
            writer.WriteString("description", "The file");
            if (method == "get")
            {
                // A file of whatever type its name gives.
                writer.WriteStartObject("content");
                writer.WriteStartObject("*/*");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            WriteChallenge(writer, schemes, method == "get");
            writer.WriteEndObject();
            WriteSecurity(writer, schemes);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>Every scheme answers missing credentials with a 401 (session_auth to API clients; browsers get its login form).</summary>
    private static void WriteChallenge(Utf8JsonWriter writer, List<SecurityScheme> schemes, bool hasBody)
    {
        if (schemes.Count > 0)
        {
            writer.WriteStartObject(Challenge);
            writer.WriteString("description", "Credentials missing or wrong");
            WriteErrorContent(writer, hasBody);
            writer.WriteEndObject();
        }
    }

    /// <summary>An error's body (not for HEAD): Cherry's problem document or HTML page.</summary>
    private static void WriteErrorContent(Utf8JsonWriter writer, bool hasBody)
    {
        if (hasBody)
        {
            writer.WritePropertyName("content");
            writer.WriteRawValue(ErrorContent.Json);
        }
    }

    private static void WriteSecurity(Utf8JsonWriter writer, List<SecurityScheme> schemes)
    {
        if (schemes.Count == 0)
        {
            return;
        }
        writer.WriteStartArray("security");
        foreach (var scheme in schemes)
        {
            writer.WriteStartObject();
            writer.WriteStartArray(scheme.Name);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void Use(List<SecurityScheme> schemes, Dictionary<string, SecurityScheme> used)
    {
        foreach (var scheme in schemes)
        {
            used.TryAdd(scheme.Name, scheme);
        }
    }

    /// <summary>The security schemes of the auth tools a completed chain runs, in the chain's order.</summary>
    private static List<SecurityScheme> Schemes(ToolChain chain)
    {
        var schemes = new List<SecurityScheme>();
        foreach (var tool in chain.Tools)
        {
            var scheme = tool switch
            {
                AuthBasicTool => new("basic", "http", "basic"),
                AuthDigestTool => new("digest", "http", "digest"),
                // session_auth needs sessions on the same chain (start-up checked it), whose cookie carries the login.
                SessionAuthTool => SecurityScheme.Cookie(chain.Tools.OfType<SessionsTool>().First().Options.CookieName),
                _ => null,
            };
            if (scheme is not null && !schemes.Contains(scheme))
            {
                schemes.Add(scheme);
            }
        }
        return schemes;
    }

    /// <summary>
    /// The authentication schemes of a handler's <c>[Authorize]</c> (its own, or the app's default challenge scheme) when no
    /// <c>[AllowAnonymous]</c> opens it, as ASP.NET Core's authorization reads them; true when a policy or roles can also
    /// refuse a signed-in user (403).
    /// </summary>
    private static bool AddPolicySchemes(List<SecurityScheme> schemes, EndpointPolicies? policies, HandlerEntry entry)
    {
        if (policies?.EndpointOf(entry)?.Metadata is not { } metadata || metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            return false;
        }
        var authorize = metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>();
        if (authorize.Count == 0)
        {
            return false;
        }
        var named = authorize.SelectMany(a => (a.AuthenticationSchemes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var name in named.Count > 0 ? named : policies.DefaultChallengeScheme is { } fallback ? [fallback] : [])
        {
            var scheme = SecurityScheme.Authentication(name, policies.IsBearer(name));
            if (!schemes.Contains(scheme))
            {
                schemes.Add(scheme);
            }
        }
        return authorize.Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles));
    }

    /// <summary>
    /// The config sections where staticdir or staticfile is on, the shallowest of each (a section below one inherits its
    /// tool), with the chain a request there runs. The app-wide 404 entry has a chain for every section, and only
    /// configuration's tools: a path no handler claims is what these sections serve.
    /// </summary>
    private static IEnumerable<(string Template, string Section, ToolChain Chain, bool Directory)> StaticSections(MountedApp app)
    {
        var entry = app.Completed[app.NotFoundEntry];
        var chains = entry.Sections.Select(s => (s.Section, s.Chain)).Append((Section: "/", entry.Chain)).OrderBy(s => s.Section, StringComparer.Ordinal).ToList();
        foreach (var directory in new[] { true, false })
        {
            var on = chains.Where(c => c.Chain.Tools.Any(t => directory ? t is StaticDirTool : t is StaticFileTool)).ToList();
            foreach (var (section, chain) in on)
            {
                if (!on.Exists(other => other.Section != section && (other.Section == "/" || section.StartsWith(other.Section + "/", StringComparison.Ordinal))))
                {
                    yield return (directory ? section.TrimEnd('/') + "/{path}" : section, section, chain, directory);
                }
            }
        }
    }

    /// <summary>
    /// The schemas of every document, first by name, then the security schemes the written operations use: those the
    /// generator wrote in its order, then those configuration added.
    /// </summary>
    private static void WriteComponents(Utf8JsonWriter writer, List<(MountedApp App, JsonDocument Document)> documents, Dictionary<string, SecurityScheme> used)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var schemas = documents.SelectMany(d => Members(d.Document.RootElement, "components", "schemas")).Where(c => names.Add(c.Name)).ToList();
        var generated = documents.SelectMany(d => Members(d.Document.RootElement, "components", "securitySchemes")).Select(s => s.Name);
        var schemes = generated.Concat(used.Keys).Distinct(StringComparer.Ordinal).Where(used.ContainsKey).Select(name => used[name]).ToList();
        if (schemas.Count == 0 && schemes.Count == 0)
        {
            return;
        }
        writer.WriteStartObject("components");
        if (schemas.Count > 0)
        {
            writer.WriteStartObject("schemas");
            foreach (var schema in schemas)
            {
                schema.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        if (schemes.Count > 0)
        {
            writer.WriteStartObject("securitySchemes");
            foreach (var scheme in schemes)
            {
                scheme.Write(writer);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>The properties of the object at <paramref name="path"/> below <paramref name="element"/>; none when it is missing.</summary>
    private static IEnumerable<JsonProperty> Members(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return [];
            }
        }
        return element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : [];
    }

    /// <summary>An OpenAPI security scheme: <c>http</c> with its scheme, or an <c>apiKey</c> cookie.</summary>
    /// <param name="Value">The http scheme (<c>basic</c>, <c>digest</c>) or the cookie's name.</param>
    private sealed record SecurityScheme(string Name, string Type, string Value)
    {
        /// <summary>session_auth's login, in the cookie of the sessions tool: <c>session</c> for CherryPy's cookie name,
        /// <c>session.&lt;name&gt;</c> for another, so that apps with different cookies get a scheme each.</summary>
        public static SecurityScheme Cookie(string name) => new(
            name == ToolCatalog.Sessions.DefaultCookieName ? "session" : "session." + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')),
            "apiKey", name);

        /// <summary>An ASP.NET Core authentication scheme by its name: <c>http bearer</c> for a bearer-token handler, else
        /// <c>http</c> with the scheme's name, which is what its challenge names.</summary>
        public static SecurityScheme Authentication(string name, bool bearer) => new(name, "http", bearer ? "bearer" : name);

        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject(Name);
            writer.WriteString("type", Type);
            if (Type == "http")
            {
                writer.WriteString("scheme", Value);
            }
            else
            {
                writer.WriteString("in", "cookie");
                writer.WriteString("name", Value);
            }
            writer.WriteEndObject();
        }
    }
}
