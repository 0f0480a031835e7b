using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace Cherry;

/// <summary>
/// The <c>tools.&lt;name&gt;.&lt;arg&gt;</c> values for one tool at one handler, read at start-up.
/// A tool takes the keys it knows; any key left untaken fails start-up, naming the key and section.
/// </summary>
public sealed class ToolArguments
{
    /// <summary>Each argument's value, the section that set it, and what errors name as its origin (the section, or a <c>[Config]</c>'s class).</summary>
    private readonly Dictionary<string, (string? Value, string Section, string Origin)> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Every argument the tool asked for, set or not: the names a "did you mean" picks from for a tool the catalog does not declare.</summary>
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public ToolArguments(string toolName, string path = "/", string? contentRoot = null)
    {
        ToolName = toolName;
        Path = path;
        ContentRoot = contentRoot ?? Directory.GetCurrentDirectory();
    }

    public string ToolName { get; }

    /// <summary>The app's content root, against which relative file and directory arguments resolve.</summary>
    public string ContentRoot { get; }

    /// <summary>The path the chain is completed for: a handler's tree path, or a config section below it.</summary>
    public string Path { get; }

    /// <summary>The section that set <paramref name="argument"/>, or null when configuration did not set it.</summary>
    public string? SectionOf(string argument) => _values.TryGetValue(argument, out var entry) ? entry.Section : null;

    public bool IsEmpty => _values.Count == 0;

    /// <param name="value">Null for Python's <c>None</c>, which only a text argument takes.</param>
    /// <param name="origin">What an error names for it, when not the section: the class or method of a <c>[Config]</c>.</param>
    internal void Set(string argument, string? value, string section, string? origin = null) => _values[argument] = (value, section, origin ?? section);

    public bool TryGetString(string argument, out string value)
    {
        _asked.Add(argument);
        if (_values.TryGetValue(argument, out var entry))
        {
            _taken.Add(argument);
            value = entry.Value ?? throw Malformed(argument, "None is only for a text argument, to switch off a value set above.");
            return true;
        }
        value = "";
        return false;
    }

    /// <summary>Whether configuration set <paramref name="argument"/> to <c>None</c> (taking it).</summary>
    private bool IsNone(string argument)
    {
        _asked.Add(argument);
        if (_values.TryGetValue(argument, out var entry) && entry.Value is null)
        {
            _taken.Add(argument);
            return true;
        }
        return false;
    }

    public bool TryGetBoolean(string argument, out bool value)
    {
        value = false;
        if (!TryGetString(argument, out var text))
        {
            return false;
        }
        return ConfigGrammar.TryParseBoolean(text, out value) ? true : throw Malformed(argument, "expected True or False");
    }

    public bool TryGetInt32(string argument, out int value)
    {
        value = 0;
        if (!TryGetString(argument, out var text))
        {
            return false;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value)
            ? true
            : throw Malformed(argument, "expected an integer");
    }

    /// <summary>A comma-separated list (from an INI list literal or a JSON string).</summary>
    public bool TryGetList(string argument, out string[] values)
    {
        values = [];
        if (!TryGetString(argument, out var text))
        {
            return false;
        }
        values = ConfigGrammar.List(text);
        return true;
    }

    /// <summary>The argument's value, or <paramref name="fallback"/> when configuration does not set it; null for <c>None</c>.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(fallback))]
    public string? GetString(string argument, string? fallback) => IsNone(argument) ? null : TryGetString(argument, out var value) ? value : fallback;

    /// <inheritdoc cref="GetString(string, string?)"/>
    public bool GetBoolean(string argument, bool fallback) => TryGetBoolean(argument, out var value) ? value : fallback;

    /// <inheritdoc cref="GetString(string, string?)"/>
    public int GetInt32(string argument, int fallback) => TryGetInt32(argument, out var value) ? value : fallback;

    /// <inheritdoc cref="GetString(string, string?)"/>
    public string[] GetList(string argument, string[] fallback) => TryGetList(argument, out var value) ? value : fallback;

    /// <summary>
    /// A built-in tool's argument (declared in Shared/ToolCatalog.cs): configuration's value when it sets one, else
    /// <paramref name="current"/> (the attribute's or the default). Either way the argument's rule is checked, so an
    /// attribute is held at start-up to the rule configuration is, and the analyzers hold its constants to at build time.
    /// </summary>
    internal T Bind<T>(Shared.ToolArgument<T> argument, T current) =>
        Check(argument, argument.AllowsNone && IsNone(argument.Key) ? default! : Read(argument, current));

    /// <summary>
    /// The argument's rule on a value a tool put together itself (response_headers adds configuration's pairs to the
    /// attribute's): <paramref name="value"/>, or a start-up error naming the key.
    /// </summary>
    internal T Check<T>(Shared.ToolArgument<T> argument, T value) =>
        argument.Check(value) is { } problem ? throw Malformed(argument.Key, problem + ".") : value;

    /// <summary>Configuration's value read by the argument's own reading (Shared, the build's too), else <paramref name="current"/>.</summary>
    private T Read<T>(Shared.ToolArgument<T> argument, T current) =>
        !TryGetString(argument.Key, out var text) ? current
        : argument.Read(text, out var value) is { } problem ? throw Malformed(argument.Key, problem)
        : value;

    /// <summary>
    /// The keyed service a built-in tool resolves (its catalog entry's <see cref="Shared.KeyedService"/>): keyed by the first of its
    /// key arguments that is set, as the build reads them too; a start-up error naming that argument when DI has none.
    /// </summary>
    /// <param name="valueOf">The tool's value of each key argument, null when it is not set.</param>
    /// <param name="example">A registration to suggest, as <c>AuthBasicTool.CheckPasswordDict(...)</c>.</param>
    internal T ResolveKeyed<T>(IServiceProvider services, Shared.KeyedService service, Func<ToolArgument, string?> valueOf, string example)
        where T : class
    {
        var (key, argument) = service.KeyOf(valueOf);
        return services.GetKeyedService<T>(key)
            ?? throw Malformed(argument.Key, $"no {service.TypeName} is registered for the {argument.Key} '{key}': "
                + $"add builder.Services.AddKeyedSingleton<{service.TypeName}>(\"{key}\", ...), for example {example}.");
    }

    /// <summary>A problem with an argument's value, whether configuration or an attribute set it.</summary>
    public CherryConfigurationException Malformed(string argument, string problem) =>
        _values.TryGetValue(argument, out var e)
            ? new(e.Origin, ConfigGrammar.ToolKey(ToolName, argument), problem)
            : new(Path + (WrittenAt is { } written ? $" ({written})" : " (default)"), ConfigGrammar.ToolKey(ToolName, argument), problem) { ConcernsConfiguredValue = false };

    /// <summary>Where the tool's attribute is written (<c>[Gzip] on Site.Admin.Index</c>), or null for a tool configuration turned on.</summary>
    internal string? WrittenAt { get; set; }

    /// <summary>An error about the tool itself, naming the first of its keys.</summary>
    internal CherryConfigurationException Unknown(string problem)
    {
        var (argument, (_, _, origin)) = _values.First();
        return new CherryConfigurationException(origin, ConfigGrammar.ToolKey(ToolName, argument), problem);
    }

    /// <param name="declared">The keys the tool's declaration names (<see cref="Tool.ArgumentKeys"/>); for a tool written by
    /// hand, none, and the keys it asked for are the suggestions.</param>
    internal void ThrowIfUntaken(IEnumerable<string> declared)
    {
        foreach (var (argument, (_, _, origin)) in _values)
        {
            if (!_taken.Contains(argument))
            {
                var known = declared.Any() ? declared.Concat(ToolCatalog.Common.All.Select(a => a.Key)) : _asked;
                throw new CherryConfigurationException(origin, ConfigGrammar.ToolKey(ToolName, argument),
                    $"the tool '{ToolName}' has no argument '{argument}'.{ConfigGrammar.DidYouMean(ConfigGrammar.Nearest(argument, known))}");
            }
        }
    }

    /// <summary>
    /// Takes each configured argument that the tool's declaration names (<paramref name="declared"/>), without reading its
    /// value: for a tool that is off here, whose arguments wait for a section below that turns it on.
    /// </summary>
    internal void TakeDeclared(IEnumerable<string> declared)
    {
        foreach (var argument in _values.Keys)
        {
            if (declared.Contains(argument) || ToolCatalog.Common.All.Any(a => a.Key == argument))
            {
                _taken.Add(argument);
            }
        }
    }
}
