using System.Collections.Frozen;

namespace Cherry;

/// <summary>
/// What the configuration in force at one tree position says, read key by key as CherryPy merges a path's config: each
/// tool's arguments, switch and priority, response headers, error pages, the request and response settings, the bare
/// hooks and the application's own values. ChainFactory reads a position's keys into one, then builds its chain and
/// settings from it.
/// </summary>
/// <param name="declaredNames">The tools an attribute declares anywhere in the app, by name (a toolbox's keys are known by them).</param>
internal sealed class PathKeys(ChainFactory factory, string path, string contentRoot, Dictionary<string, HandlerEntry> declaredNames)
{
    private readonly Dictionary<int, ErrorPageRenderer> _errorPages = [];
    private ErrorPageRenderer? _defaultErrorPage;
    private bool _showMismatched = true;
    private bool? _showTracebacks;
    private bool _streamResponse;
    private string _queryStringEncoding = "utf-8";
    private string[]? _methodsWithBodies;

    /// <summary>Each tool's arguments, by tool name.</summary>
    public Dictionary<string, ToolArguments> Arguments { get; } = new(StringComparer.Ordinal);

    /// <summary>Each tool configuration switches on or off, and where.</summary>
    public Dictionary<string, (bool On, string Section)> Switches { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Priorities { get; } = new(StringComparer.Ordinal);

    /// <summary><c>response.headers.*</c>: name, value, name, value...</summary>
    public List<string> Headers { get; } = [];

    /// <summary><c>hooks.&lt;point&gt;</c>: the bare hooks in force at the path, a deeper section's list replacing the one above.</summary>
    public Dictionary<HookPoint, (string Name, Func<Request, ValueTask> Callback)[]> BareHooks { get; } = [];

    /// <summary>Every key's value (the application reads its own through <see cref="EntrySettings"/>).</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each value was set, for the errors of a typed namespace's binding.</summary>
    public Dictionary<string, string> Origins { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads one key; a mistake is a <see cref="CherryConfigurationException"/>.</summary>
    /// <param name="source">The <c>[Config]</c>'s class or method, which errors then name instead of the section.</param>
    public void Read(string section, string? source, string key, string? configured)
    {
        var origin = source ?? section;
        if (source is not null)
        {
            if (ConfigGrammar.CodeEntryProblem(key, configured, out _) is { } problem)
            {
                throw new CherryConfigurationException(origin, key, problem);
            }
        }
        var toolKey = factory.ToolKeyParts(key, origin, declaredNames);
        if (configured is null && toolKey is null)
        {
            // None: as CherryPy's request.config.get gives for a key that is not there.
            Values.Remove(key);
            if (!factory.IsApplicationKey(key))
            {
                throw new CherryConfigurationException(origin, key, "None switches off only a tool argument or one of the application's own keys.");
            }
            return;
        }
        // A tool argument's None reaches ToolArguments, which allows it for text arguments only.
        var value = configured!;
        if (configured is not null)
        {
            Values[key] = configured;
            Origins[key] = origin;
        }
        else
        {
            Values.Remove(key);
        }
        if (toolKey is var (name, argument))
        {
            var args = Arguments.TryGetValue(name, out var a) ? a : Arguments[name] = new ToolArguments(name, path, contentRoot);
            switch (argument)
            {
                case "on":
                    args.Set("on", value, section, origin);
                    args.TryGetBoolean("on", out var on);
                    Switches[name] = (on, origin);
                    break;
                case "priority":
                    args.Set("priority", value, section, origin);
                    args.TryGetInt32("priority", out var priority);
                    Priorities[name] = priority;
                    break;
                default:
                    args.Set(argument, value, section, origin);
                    break;
            }
        }
        else if (key.StartsWith(ConfigGrammar.Hooks.Prefix, StringComparison.Ordinal))
        {
            if (ConfigGrammar.Hooks.Problem(key, configured, factory.Hooks.Names, out _) is { } problem)
            {
                throw new CherryConfigurationException(origin, key, problem);
            }
            var point = (HookPoint)Array.IndexOf(ConfigGrammar.Hooks.Points, key[ConfigGrammar.Hooks.Prefix.Length..]);
            // Problem above has found every name registered.
            BareHooks[point] = [.. ConfigGrammar.List(value).Select(name => (name, factory.Hooks[name]))];
        }
        else if (key.StartsWith(ChainFactory.HeadersPrefix, StringComparison.Ordinal) && key.Length > ChainFactory.HeadersPrefix.Length)
        {
            Headers.AddRange([key[ChainFactory.HeadersPrefix.Length..], value]);
        }
        else if (key.StartsWith(ChainFactory.ErrorPagePrefix, StringComparison.Ordinal))
        {
            var code = key[ChainFactory.ErrorPagePrefix.Length..];
            var status = 0;
            if (code != "default" && !(int.TryParse(code, out status) && status is >= 400 and <= 599))
            {
                throw new CherryConfigurationException(origin, key, "error_page takes a status from 400 to 599 or 'default'.");
            }
            var renderer = factory.Renderers.TryGetValue((section, key), out var callable) ? callable : ChainFactory.TemplateErrorPage(origin, key, Path.Combine(contentRoot, value));
            if (status == 0)
            {
                _defaultErrorPage = renderer;
            }
            else
            {
                _errorPages[status] = renderer;
            }
        }
        else if (key == ConfigGrammar.Settings.ShowMismatchedParams)
        {
            _showMismatched = ChainFactory.ParseSwitch(origin, key, value);
        }
        else if (key == ConfigGrammar.Settings.ShowTracebacks)
        {
            _showTracebacks = ChainFactory.ParseSwitch(origin, key, value);
        }
        else if (key == ConfigGrammar.Settings.Stream)
        {
            _streamResponse = ChainFactory.ParseSwitch(origin, key, value);
        }
        else if (key == ConfigGrammar.Settings.MethodsWithBodies)
        {
            _methodsWithBodies = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (Array.Find(_methodsWithBodies, m => !m.All(char.IsAsciiLetterUpper)) is { } bad)
            {
                throw new CherryConfigurationException(origin, key, $"'{bad}' is not an HTTP method (upper-case letters).");
            }
        }
        else if (key == ConfigGrammar.Settings.QueryStringEncoding)
        {
            _queryStringEncoding = Http.Charsets.Find(value) is null
                ? throw new CherryConfigurationException(origin, key, Http.Charsets.Unknown(value))
                : value;
        }
        else if (key.StartsWith(LogKeys.Prefix, StringComparison.Ordinal))
        {
            // The host's logging takes the keys at MapCherry (CherryLogging); an access file needs the access log's lines.
            if (LogKeys.Check(section, key, value))
            {
                Switches.TryAdd(LogAccessTool.ToolName, (true, section));
            }
        }
        else if (!factory.IsApplicationKey(key))
        {
            throw new CherryConfigurationException(origin, key,
                $"unknown key.{ConfigGrammar.DidYouMean(ConfigGrammar.Nearest(key, ConfigGrammar.Settings.All.Concat(ConfigGrammar.Log.All)))} Known keys: "
                + string.Join(", ", ConfigGrammar.KeyForms.Concat(ConfigGrammar.Settings.All).Concat(ConfigGrammar.Log.All))
                + "; the application's own keys have no namespace, or one named in CherryOptions.ConfigNamespaces.");
        }
    }

    /// <summary>The settings the keys make, with each typed namespace's options bound at the path.</summary>
    public EntrySettings Settings(Dictionary<Type, object> bound) =>
        new(_errorPages, _defaultErrorPage, _showMismatched, _showTracebacks, Values.ToFrozenDictionary(StringComparer.Ordinal))
        {
            StreamResponse = _streamResponse,
            QueryStringEncoding = _queryStringEncoding,
            MethodsWithBodies = _methodsWithBodies,
            BoundOptions = bound.ToFrozenDictionary(),
        };
}
