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
    internal const string HeadersPrefix = "response.headers.";
    internal const string ErrorPagePrefix = "error_page.";

    /// <summary>The app being completed: what its tools add to it (<see cref="Tool.JoinApp"/>).</summary>
    private MountedApp? _app;

    /// <summary>Where each tool an attribute made is written, named when a value it sets is refused.</summary>
    private readonly Dictionary<Tool, string> _sources = new(ReferenceEqualityComparer.Instance);

    /// <summary>The tools an entry's attributes make, each remembered with where the plan says it is written.</summary>
    private Tool[] CreateDeclared(HandlerEntry entry)
    {
        var tools = entry.CreateTools();
        for (var i = 0; i < tools.Length && i < entry.Tools.Length; i++)
        {
            _sources[tools[i]] = entry.Tools[i].Source;
        }
        return tools;
    }

    /// <summary>Every configuration error found so far: start-up reports them all at once, not the first alone.</summary>
    private readonly List<CherryConfigurationException> _errors = [];

    /// <summary>The bare hooks <c>hooks.&lt;point&gt;</c> names.</summary>
    internal HookRegistry Hooks => hooks;

    /// <summary>The error pages given as callables, by section and key.</summary>
    internal IReadOnlyDictionary<(string Section, string Key), ErrorPageRenderer> Renderers => renderers;

    public void Complete(MountedApp app)
    {
        _app = app;
        var entries = app.Tree.Handlers.Append(app.NotFoundEntry).Select(e => (Entry: e, Declared: CreateDeclared(e))).ToList();
        // A tool name is known if it is registered or declared by an attribute anywhere in this app: the plan names the
        // built-in and declared tools; a hand-written attribute's tool tells its own.
        var declaredNames = new Dictionary<string, HandlerEntry>(StringComparer.Ordinal);
        foreach (var (entry, declared) in entries)
        {
            for (var i = 0; i < declared.Length; i++)
            {
                declaredNames.TryAdd((i < entry.Tools.Length ? entry.Tools[i].Name : null) ?? declared[i].Name, entry);
            }
        }
        var sections = config.Sections.Where(s => s != CherryConfig.GlobalSection).OrderByDescending(s => s.Length).ToList();
        var completed = new Dictionary<HandlerEntry, CompletedHandler>(ReferenceEqualityComparer.Instance);
        foreach (var (entry, declared) in entries)
        {
            var atPath = Complete(entry.Path, declared, entry.Config, declaredNames, entry.RequiresSession);
            // Sections below the entry's tree path get their own chain, with fresh tool instances.
            var below = new List<SectionChain>();
            foreach (var section in sections)
            {
                if (CherryConfig.TreeForm(section) is var tree && tree != entry.Path
                    && (entry.Path == "/" ? section != "/" : tree.StartsWith(entry.Path + "/", StringComparison.Ordinal))
                    && Complete(section, CreateDeclared(entry), entry.Config, declaredNames, requiresSession: false) is var (chain, settings))
                {
                    below.Add(new SectionChain(section, chain, settings));
                }
            }
            if (atPath is { } own)
            {
                completed[entry] = new CompletedHandler(own.Chain, own.Settings, [.. below]);
            }
        }
        if (_errors.Count > 0)
        {
            throw CherryConfigurationException.Combine(_errors);
        }
        app.Completed = completed.ToFrozenDictionary(ReferenceEqualityComparer.Instance);
        app.Seal();
    }

    /// <summary>
    /// The tool and argument a key sets: <c>tools.&lt;name&gt;.&lt;argument&gt;</c>, or <c>&lt;namespace&gt;.&lt;name&gt;.&lt;argument&gt;</c> for a tool
    /// of a toolbox of its own (<c>[ToolDeclaration(..., Namespace = "myauth")]</c>, whose name is <c>myauth.check_access</c>); null for another key.
    /// </summary>
    internal (string Name, string Argument)? ToolKeyParts(string key, string origin, Dictionary<string, HandlerEntry> declaredNames)
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
        : declaredNames.TryGetValue(name, out var entry) ? Array.Find(CreateDeclared(entry), t => t.Name == name)
        : null;

    /// <summary>
    /// The chain and settings of one tree position; null when its configuration has errors, which are recorded (each key
    /// and tool is checked on, so that one run finds them all). The steps, in CherryPy's order: the default-on and
    /// declared tools, the path's keys, the switches, the checks of tools left off, the needs, each tool configured and
    /// resolved, the typed namespaces bound, the chain built.
    /// </summary>
    /// <param name="code">The handler's <c>[Config]</c> keys, merged level by level before the sections (as CherryConfig.ForPath merges them).</param>
    /// <param name="requiresSession">The handler takes a Session, so the sessions tool must be among the tools.</param>
    private (ToolChain Chain, EntrySettings Settings)? Complete(string path, Tool[] declaredTools, (string Path, string Source, string Key, string? Value)[] code,
        Dictionary<string, HandlerEntry> declaredNames, bool requiresSession)
    {
        var errorsBefore = _errors.Count;
        var tools = DefaultAndDeclared(declaredTools);
        var keys = new PathKeys(this, path, contentRoot, declaredNames);
        foreach (var (section, source, key, configured) in config.ForPath(path, code))
        {
            Check(() => keys.Read(section, source, key, configured));
        }
        Switch(tools, keys, declaredNames);
        CheckToolsLeftOff(tools, keys, declaredNames);
        CheckNeeds(tools, keys, path, requiresSession);
        ConfigureAndResolve(tools, keys, path);
        var bound = BindNamespaces(keys);
        if (_errors.Count > errorsBefore)
        {
            return null;
        }
        return (BuildChain(tools, keys, _app?.PlanChains ?? true), keys.Settings(bound));
    }

    /// <summary>CherryPy's default-on tools, then the attributes' tools, each replacing a default of its name.</summary>
    private static List<Tool> DefaultAndDeclared(Tool[] declaredTools)
    {
        var tools = ToolRegistry.DefaultOn.Select(create => create()).ToList();
        foreach (var declared in declaredTools)
        {
            tools.RemoveAll(t => t.Name == declared.Name);
            tools.Add(declared);
        }
        return tools;
    }

    /// <summary>The switches of the path: a tool off leaves, a tool on joins (and <c>response.headers.*</c> adds response_headers).</summary>
    private void Switch(List<Tool> tools, PathKeys keys, Dictionary<string, HandlerEntry> declaredNames)
    {
        foreach (var (name, (on, section)) in keys.Switches)
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
        if (keys.Headers.Count > 0)
        {
            tools.Add(new ResponseHeadersTool { Options = new() { Headers = [.. keys.Headers] } });
        }
    }

    /// <summary>A tool that is off still has its keys and values checked: <c>tools.gzip.onn</c> stops start-up either way.</summary>
    private void CheckToolsLeftOff(List<Tool> tools, PathKeys keys, Dictionary<string, HandlerEntry> declaredNames)
    {
        foreach (var (name, args) in keys.Arguments)
        {
            if (tools.Find(t => t.Name == name) is not null)
            {
                continue;
            }
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
                    args.TakeDeclared(probe.ArgumentKeys);
                }
                args.ThrowIfUntaken(probe.ArgumentKeys);
            });
        }
    }

    /// <summary>What the handler and the tools on need beside them: sessions for a Session parameter, each tool's <see cref="Tool.Requires"/>.</summary>
    private void CheckNeeds(List<Tool> tools, PathKeys keys, string path, bool requiresSession)
    {
        if (requiresSession && tools.TrueForAll(t => t.Name != SessionsTool.ToolName))
        {
            Record(new CherryConfigurationException(path, "tools.sessions.on",
                $"the handler at {path} takes a Session, but the sessions tool is not on there: add [Sessions] to its class, or tools.sessions.on = True to the section [{path}] or one above it."));
        }
        foreach (var tool in tools)
        {
            foreach (var required in tool.Requires.Where(r => tools.TrueForAll(t => t.Name != r)))
            {
                Record(new CherryConfigurationException(keys.Arguments.TryGetValue(tool.Name, out var a) ? a.SectionOf("on") ?? path : path, ConfigGrammar.ToolKey(tool.Name, "on"),
                    $"{tool.Name} needs the {required} tool on the same path: add tools.{required}.on = True to the section, or its attribute to the class."));
            }
        }
    }

    /// <summary>Every tool is configured, with its arguments or none, so it learns the path it serves; then it takes its services.</summary>
    private void ConfigureAndResolve(List<Tool> tools, PathKeys keys, string path)
    {
        foreach (var tool in tools)
        {
            Check(() =>
            {
                var args = keys.Arguments.TryGetValue(tool.Name, out var given) ? given : new ToolArguments(tool.Name, path, contentRoot);
                args.WrittenAt = _sources.GetValueOrDefault(tool);
                tool.Configure(args);
                args.ThrowIfUntaken(tool.ArgumentKeys);
                tool.Resolve(services, args);
                tool.JoinApp(_app!);
            });
        }
    }

    /// <summary>Each typed namespace's options, bound from the path's values.</summary>
    private Dictionary<Type, object> BindNamespaces(PathKeys keys)
    {
        var bound = new Dictionary<Type, object>();
        foreach (var (name, type) in typedNamespaces)
        {
            Check(() => bound[type] = ConfigBinders.Find(type).Bind(name, keys.Values.Select(v => (v.Key, v.Value, keys.Origins[v.Key])), _errors));
        }
        return bound;
    }

    /// <summary>The tools' hooks and wrappers, then the bare hooks, ordered into the chain.</summary>
    private static ToolChain BuildChain(List<Tool> tools, PathKeys keys, bool plan)
    {
        var builder = new ToolChainBuilder(keys.Priorities);
        foreach (var tool in tools)
        {
            tool.Attach(builder);
        }
        foreach (var (point, attached) in keys.BareHooks)
        {
            foreach (var (name, callback) in attached)
            {
                builder.Add(name, point, 50, false, callback);
            }
        }
        return builder.Build([.. tools], plan);
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
    internal bool IsApplicationKey(string key)
    {
        var dot = key.IndexOf('.');
        return dot < 0 || namespaces.Contains(key[..dot]);
    }

    internal static bool ParseSwitch(string section, string key, string value) =>
        ConfigGrammar.TryParseBoolean(value, out var on) ? on : throw new CherryConfigurationException(section, key, "expected True or False.");

    /// <summary>A template file with CherryPy's <c>%(status)s</c>-style placeholders, read once at start-up.</summary>
    internal static ErrorPageRenderer TemplateErrorPage(string section, string key, string file)
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
