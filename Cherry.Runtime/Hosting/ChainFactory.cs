using System.Collections.Frozen;

namespace Cherry;

/// <summary>
/// Completes each handler's tool chain at start-up: the default-on tools, then the tools its attributes
/// declare, then configuration for its tree position; then each tool takes its services from DI. After this, no
/// request reads configuration, and every key, value and service the chains need has been checked.
/// </summary>
internal sealed partial class ChainFactory(ToolRegistry registry, HookRegistry hooks, IReadOnlySet<string> namespaces, IReadOnlyDictionary<string, Type> typedNamespaces, CherryConfig config, IReadOnlyDictionary<(string Section, string Key), ErrorPageRenderer> renderers, IServiceProvider services, string contentRoot)
{
    private const string ToolsPrefix = "tools.";
    private const string HeadersPrefix = "response.headers.";
    private const string ErrorPagePrefix = "error_page.";

    private readonly HashSet<string> _staticSections = new(StringComparer.Ordinal);

    /// <summary>Every configuration error found so far: start-up reports them all at once, not the first alone.</summary>
    private readonly List<CherryConfigurationException> _errors = [];

    public void Complete(MountedApp app)
    {
        var entries = app.Tree.Handlers.Append(app.NotFoundEntry).Select(e => (Entry: e, Declared: e.CreateTools())).ToList();
        // A tool name is known if it is registered or declared by an attribute anywhere in this app.
        var declaredNames = new Dictionary<string, HandlerEntry>(StringComparer.Ordinal);
        foreach (var (entry, declared) in entries)
        {
            foreach (var tool in declared)
            {
                declaredNames.TryAdd(tool.Name, entry);
            }
        }
        var sections = config.Sections.Where(s => s != CherryConfig.GlobalSection).OrderByDescending(s => s.Length).ToList();
        foreach (var (entry, declared) in entries)
        {
            if (Complete(entry.Path, declared, entry.Config, declaredNames, entry.RequiresSession) is { } completed)
            {
                (entry.Chain, entry.Settings) = completed;
            }
            // Sections below the entry's tree path get their own chain, with fresh tool instances.
            var below = new List<SectionChain>();
            foreach (var section in sections)
            {
                if (CherryConfig.TreeForm(section) is var tree && tree != entry.Path
                    && (entry.Path == "/" ? section != "/" : tree.StartsWith(entry.Path + "/", StringComparison.Ordinal))
                    && Complete(section, entry.CreateTools(), entry.Config, declaredNames, requiresSession: false) is var (chain, settings))
                {
                    below.Add(new SectionChain(section, chain, settings));
                }
            }
            entry.Sections = [.. below];
        }
        if (_errors.Count > 0)
        {
            throw CherryConfigurationException.Combine(_errors);
        }
        app.StaticSections = _staticSections.OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>
    /// The tool and argument a key sets: <c>tools.&lt;name&gt;.&lt;argument&gt;</c>, or <c>&lt;namespace&gt;.&lt;name&gt;.&lt;argument&gt;</c> for a tool
    /// of a toolbox of its own (<c>[ToolDeclaration(..., Namespace = "myauth")]</c>, whose name is <c>myauth.check_access</c>); null for another key.
    /// </summary>
    private (string Name, string Argument)? ToolKeyParts(string key, string origin, Dictionary<string, HandlerEntry> declaredNames)
    {
        var (prefix, rest) = ("", "");
        if (key.StartsWith(ToolsPrefix, StringComparison.Ordinal))
        {
            rest = key[ToolsPrefix.Length..];
        }
        else if (key.IndexOf('.') is var first and > 0 && IsToolNamespace(key[..(first + 1)], declaredNames))
        {
            (prefix, rest) = (key[..(first + 1)], key[(first + 1)..]);
        }
        else
        {
            return null;
        }
        var dot = rest.IndexOf('.');
        if (dot <= 0 || dot == rest.Length - 1)
        {
            throw new CherryConfigurationException(origin, key, $"a tool key is {(prefix.Length == 0 ? ToolsPrefix : prefix)}<name>.<argument>.");
        }
        return (prefix + rest[..dot], rest[(dot + 1)..]);
    }

    /// <param name="prefix">A namespace and its dot, as <c>myauth.</c>.</param>
    private bool IsToolNamespace(string prefix, Dictionary<string, HandlerEntry> declaredNames) =>
        registry.Names.Concat(declaredNames.Keys).Any(name => name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>" Did you mean ..." with the known tool name nearest to <paramref name="name"/>, if one is near.</summary>
    private string DidYouMeanTool(string name, Dictionary<string, HandlerEntry> declaredNames) =>
        ConfigGrammar.DidYouMean(ConfigGrammar.Nearest(name, registry.Names.Concat(declaredNames.Keys).Concat(ToolCatalog.All.Select(t => t.Name))));

    /// <summary>A fresh instance of a registered tool, or of one an attribute declares somewhere in the app.</summary>
    private Tool? CreateKnown(string name, Dictionary<string, HandlerEntry> declaredNames) =>
        registry.TryCreate(name, out var tool) ? tool
        : declaredNames.TryGetValue(name, out var entry) ? Array.Find(entry.CreateTools(), t => t.Name == name)
        : null;

    /// <summary>
    /// The chain and settings of one tree position; null when its configuration has errors, which are recorded (each key
    /// and tool is checked on, so that one run finds them all).
    /// </summary>
    /// <param name="code">The handler's <c>[Config]</c> keys, merged level by level before the sections (as CherryConfig.ForPath merges them).</param>
    /// <param name="requiresSession">The handler takes a Session, so the sessions tool must be among the tools.</param>
    private (ToolChain Chain, EntrySettings Settings)? Complete(string path, Tool[] declaredTools, (string Path, string Source, string Key, string? Value)[] code,
        Dictionary<string, HandlerEntry> declaredNames, bool requiresSession)
    {
        var errorsBefore = _errors.Count;
        // CherryPy's default-on tools; configuration can switch each off.
        var tools = ToolRegistry.DefaultOn.Select(create => create()).ToList();
        foreach (var declared in declaredTools)
        {
            tools.RemoveAll(t => t.Name == declared.Name);
            tools.Add(declared);
        }

        var arguments = new Dictionary<string, ToolArguments>(StringComparer.Ordinal);
        var switches = new Dictionary<string, (bool On, string Section)>(StringComparer.Ordinal);
        var priorities = new Dictionary<string, int>(StringComparer.Ordinal);
        var headers = new List<string>();
        // hooks.<point>: the bare hooks in force at the path, a deeper section's list replacing the one above.
        var bareHooks = new Dictionary<HookPoint, (string Name, Func<Request, ValueTask> Callback)[]>();
        var errorPages = new Dictionary<int, ErrorPageRenderer>();
        ErrorPageRenderer? defaultErrorPage = null;
        var showMismatched = true;
        bool? showTracebacks = null;
        var streamResponse = false;
        var queryStringEncoding = "utf-8";
        string[]? methodsWithBodies = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        // Where each value was set, for the errors of a typed namespace's binding.
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (section, source, key, configured) in config.ForPath(path, code))
        {
            Check(() => ReadKey(section, source, key, configured));
        }

        // source: the [Config]'s class or method, which errors then name instead of the section.
        void ReadKey(string section, string? source, string key, string? configured)
        {
            var origin = source ?? section;
            if (source is not null)
            {
                if (ConfigGrammar.CodeEntryProblem(key, configured, out _) is { } problem)
                {
                    throw new CherryConfigurationException(origin, key, problem);
                }
            }
            var toolKey = ToolKeyParts(key, origin, declaredNames);
            if (configured is null && toolKey is null)
            {
                // None: as CherryPy's request.config.get gives for a key that is not there.
                values.Remove(key);
                if (!IsApplicationKey(key))
                {
                    throw new CherryConfigurationException(origin, key, "None switches off only a tool argument or one of the application's own keys.");
                }
                return;
            }
            // A tool argument's None reaches ToolArguments, which allows it for text arguments only.
            var value = configured!;
            if (configured is not null)
            {
                values[key] = configured;
                origins[key] = origin;
            }
            else
            {
                values.Remove(key);
            }
            if (toolKey is var (name, argument))
            {
                var args = arguments.TryGetValue(name, out var a) ? a : arguments[name] = new ToolArguments(name, path, contentRoot);
                switch (argument)
                {
                    case "on":
                        args.Set("on", value, section, origin);
                        args.TryGetBoolean("on", out var on);
                        switches[name] = (on, origin);
                        break;
                    case "priority":
                        args.Set("priority", value, section, origin);
                        args.TryGetInt32("priority", out var priority);
                        priorities[name] = priority;
                        break;
                    default:
                        args.Set(argument, value, section, origin);
                        break;
                }
            }
            else if (key.StartsWith(ConfigGrammar.Hooks.Prefix, StringComparison.Ordinal))
            {
                if (ConfigGrammar.Hooks.Problem(key, configured, hooks.Names, out _) is { } problem)
                {
                    throw new CherryConfigurationException(origin, key, problem);
                }
                var point = (HookPoint)Array.IndexOf(ConfigGrammar.Hooks.Points, key[ConfigGrammar.Hooks.Prefix.Length..]);
                bareHooks[point] = [.. ConfigGrammar.List(value).Select(name => hooks.TryGet(name, out var callback) ? (name, callback) : default)];
            }
            else if (key.StartsWith(HeadersPrefix, StringComparison.Ordinal) && key.Length > HeadersPrefix.Length)
            {
                headers.AddRange([key[HeadersPrefix.Length..], value]);
            }
            else if (key.StartsWith(ErrorPagePrefix, StringComparison.Ordinal))
            {
                var code = key[ErrorPagePrefix.Length..];
                var status = 0;
                if (code != "default" && !(int.TryParse(code, out status) && status is >= 400 and <= 599))
                {
                    throw new CherryConfigurationException(origin, key, "error_page takes a status from 400 to 599 or 'default'.");
                }
                var renderer = renderers.TryGetValue((section, key), out var callable) ? callable : TemplateErrorPage(origin, key, Path.Combine(contentRoot, value));
                if (status == 0)
                {
                    defaultErrorPage = renderer;
                }
                else
                {
                    errorPages[status] = renderer;
                }
            }
            else if (key == ConfigGrammar.Settings.ShowMismatchedParams)
            {
                showMismatched = ParseSwitch(origin, key, value);
            }
            else if (key == ConfigGrammar.Settings.ShowTracebacks)
            {
                showTracebacks = ParseSwitch(origin, key, value);
            }
            else if (key == ConfigGrammar.Settings.Stream)
            {
                streamResponse = ParseSwitch(origin, key, value);
            }
            else if (key == ConfigGrammar.Settings.MethodsWithBodies)
            {
                methodsWithBodies = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (Array.Find(methodsWithBodies, m => !m.All(char.IsAsciiLetterUpper)) is { } bad)
                {
                    throw new CherryConfigurationException(origin, key, $"'{bad}' is not an HTTP method (upper-case letters).");
                }
            }
            else if (key == ConfigGrammar.Settings.QueryStringEncoding)
            {
                queryStringEncoding = Http.Charsets.Find(value) is null
                    ? throw new CherryConfigurationException(origin, key, Http.Charsets.Unknown(value))
                    : value;
            }
            else if (key.StartsWith(LogKeys.Prefix, StringComparison.Ordinal))
            {
                // The host's logging takes the keys at MapCherry (CherryLogging); an access file needs the access log's lines.
                if (LogKeys.Check(section, key, value))
                {
                    switches.TryAdd(LogAccessTool.ToolName, (true, section));
                }
            }
            else if (!IsApplicationKey(key))
            {
                throw new CherryConfigurationException(origin, key,
                    $"unknown key.{ConfigGrammar.DidYouMean(ConfigGrammar.Nearest(key, ConfigGrammar.Settings.All.Concat(ConfigGrammar.Log.All)))} Known keys: "
                    + string.Join(", ", ConfigGrammar.KeyForms.Concat(ConfigGrammar.Settings.All).Concat(ConfigGrammar.Log.All))
                    + "; the application's own keys have no namespace, or one named in CherryOptions.ConfigNamespaces.");
            }
        }

        foreach (var (name, (on, section)) in switches)
        {
            Check(() =>
            {
                var present = tools.FindIndex(t => t.Name == name);
                if (!on && present >= 0)
                {
                    tools.RemoveAt(present);
                }
                else if (on && present < 0)
                {
                    // A tool the app ships through an attribute elsewhere can be switched on here by configuration alone.
                    tools.Add(CreateKnown(name, declaredNames)
                        ?? throw new CherryConfigurationException(section, ConfigGrammar.ToolKey(name, "on"), ToolRegistry.Unknown(name) + DidYouMeanTool(name, declaredNames)));
                }
            });
        }
        if (headers.Count > 0)
        {
            tools.Add(new ResponseHeadersTool { Options = new() { Headers = [.. headers] } });
        }

        foreach (var (name, args) in arguments)
        {
            if (tools.Find(t => t.Name == name) is null)
            {
                // A tool that is off still has its keys and values checked: `tools.gzip.onn` stops start-up either way.
                Check(() =>
                {
                    var probe = CreateKnown(name, declaredNames) ?? throw args.Unknown(ToolRegistry.Unknown(name) + DidYouMeanTool(name, declaredNames));
                    try
                    {
                        probe.Configure(args);
                    }
                    catch (CherryConfigurationException e) when (!e.ConcernsConfiguredValue)
                    {
                        // What an unused tool lacks (a realm, a directory) matters only once it is on. Its arguments are set
                        // here for the sections below that turn it on (CherryPy's inheritance: tools.staticdir.root in [/],
                        // on and dir in [/static]), so each is checked by name against the tool's declaration instead.
                        if (ToolCatalog.Find(name) is { } declaration)
                        {
                            args.TakeDeclared(declaration);
                        }
                    }
                    args.ThrowIfUntaken();
                });
            }
        }
        if (requiresSession && tools.TrueForAll(t => t.Name != SessionsTool.ToolName))
        {
            Record(new CherryConfigurationException(path, "tools.sessions.on",
                $"the handler at {path} takes a Session, but the sessions tool is not on there: add [Sessions] to its class, or tools.sessions.on = True to the section [{path}] or one above it."));
        }
        foreach (var tool in tools)
        {
            foreach (var required in tool.Requires.Where(r => tools.TrueForAll(t => t.Name != r)))
            {
                Record(new CherryConfigurationException(arguments.TryGetValue(tool.Name, out var a) ? a.SectionOf("on") ?? path : path, ConfigGrammar.ToolKey(tool.Name, "on"),
                    $"{tool.Name} needs the {required} tool on the same path: add tools.{required}.on = True to the section, or its attribute to the class."));
            }
        }
        // Every tool is configured, with its arguments or none, so it learns the path it serves.
        foreach (var tool in tools)
        {
            Check(() =>
            {
                var args = arguments.TryGetValue(tool.Name, out var given) ? given : new ToolArguments(tool.Name, path, contentRoot);
                tool.Configure(args);
                args.ThrowIfUntaken();
                tool.Resolve(services, args);
                if (tool is StaticDirTool staticDir)
                {
                    _staticSections.Add(staticDir.Section ?? "/");
                }
            });
        }
        var bound = new Dictionary<Type, object>();
        foreach (var (name, type) in typedNamespaces)
        {
            Check(() => bound[type] = ConfigBinders.Find(type).Bind(name, values.Select(v => (v.Key, v.Value, origins[v.Key])), _errors));
        }
        if (_errors.Count > errorsBefore)
        {
            return null;
        }

        var builder = new ToolChainBuilder(priorities);
        foreach (var tool in tools)
        {
            tool.Attach(builder);
        }
        foreach (var (point, attached) in bareHooks)
        {
            foreach (var (name, callback) in attached)
            {
                builder.Add(name, point, 50, false, callback);
            }
        }
        return (builder.Build([.. tools]), new EntrySettings(errorPages, defaultErrorPage, showMismatched, showTracebacks, values.ToFrozenDictionary(StringComparer.Ordinal))
        {
            StreamResponse = streamResponse,
            QueryStringEncoding = queryStringEncoding,
            MethodsWithBodies = methodsWithBodies,
            BoundOptions = bound.ToFrozenDictionary(),
        });
    }

    /// <summary>Runs one check, recording its configuration error so that the others still run.</summary>
    private void Check(Action check)
    {
        try
        {
            check();
        }
        catch (CherryConfigurationException e)
        {
            Record(e);
        }
    }

    /// <summary>Records each error of <paramref name="error"/>, naming the source of the key at fault (a file's line, a provider, code).</summary>
    private void Record(CherryConfigurationException error)
    {
        foreach (var each in error.Errors)
        {
            _errors.Add(each.WithOrigin(config.OriginOf(each.Section, each.Key)));
        }
    }

    /// <summary>
    /// A key the application reads itself (<c>request.Settings.Config</c>): one without a namespace (CherryPy lets any
    /// key in), or in a namespace the application declared. Dotted keys elsewhere stay errors, so a typo in a tool key
    /// still stops start-up.
    /// </summary>
    private bool IsApplicationKey(string key)
    {
        var dot = key.IndexOf('.');
        return dot < 0 || namespaces.Contains(key[..dot]);
    }

    private static bool ParseSwitch(string section, string key, string value) =>
        ConfigGrammar.TryParseBoolean(value, out var on) ? on : throw new CherryConfigurationException(section, key, "expected True or False.");

    /// <summary>A template file with CherryPy's <c>%(status)s</c>-style placeholders, read once at start-up.</summary>
    private static ErrorPageRenderer TemplateErrorPage(string section, string key, string file)
    {
        if (!File.Exists(file))
        {
            throw new CherryConfigurationException(section, key, $"the error page template '{file}' does not exist.");
        }
        var template = File.ReadAllText(file);
        // One pass, so a placeholder quoted inside a value is not substituted again; the values come escaped.
        return c => TemplatePlaceholder().Replace(template, match => match.Groups[1].Value switch
        {
            "status" => c.Status,
            "message" => c.Message,
            "traceback" => c.Traceback ?? "",
            _ => c.Version,
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"%\((status|message|traceback|version)\)s")]
    private static partial System.Text.RegularExpressions.Regex TemplatePlaceholder();
}
