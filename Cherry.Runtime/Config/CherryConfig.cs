using Microsoft.Extensions.Configuration;

namespace Cherry;

/// <summary>
/// CherryPy-style configuration: a <c>global</c> section and per-path sections (<c>/</c>, <c>/blog</c>)
/// whose keys are <c>tools.&lt;name&gt;.on</c>, <c>tools.&lt;name&gt;.&lt;arg&gt;</c>, <c>response.headers.&lt;X&gt;</c>,
/// <c>error_page.&lt;code&gt;</c> and <c>request.*</c>. Read once at start-up: no request looks config up.
/// </summary>
public sealed class CherryConfig
{
    public const string GlobalSection = ConfigGrammar.GlobalSection;

    private readonly Dictionary<string, List<KeyValuePair<string, string?>>> _sections = new(StringComparer.Ordinal);

    public IEnumerable<string> Sections => _sections.Keys;

    /// <summary>
    /// Sets one key; a section is <c>global</c> or a path starting with <c>/</c>. A null value is Python's <c>None</c>:
    /// a text tool argument switched off below a section that set it (<c>tools.proxy.base = None</c>).
    /// </summary>
    public CherryConfig Set(string section, string key, string? value)
    {
        section = NormalizeSection(section, key);
        if (!_sections.TryGetValue(section, out var entries))
        {
            _sections[section] = entries = [];
        }
        entries.RemoveAll(e => e.Key == key);
        entries.Add(new(key, value));
        return this;
    }

    /// <summary>Adds every key of <paramref name="other"/>, overriding equal keys.</summary>
    public CherryConfig Merge(CherryConfig other)
    {
        foreach (var (section, entries) in other._sections)
        {
            foreach (var (key, value) in entries)
            {
                Set(section, key, value);
            }
        }
        return this;
    }

    /// <summary>
    /// Reads a CherryPy INI file: <c>[global]</c> and <c>[/path]</c> sections whose values are Python literals.
    /// </summary>
    public static CherryConfig FromIni(Stream stream)
    {
        var config = new CherryConfig();
        foreach (var (section, key, raw) in IniReader.Read(stream))
        {
            if (section is null)
            {
                throw new CherryConfigurationException("(none)", key, "every key must be inside a [global] or [/path] section.");
            }
            if (!PythonLiteral.TryParse(raw, out var value))
            {
                throw new CherryConfigurationException(section, key, $"the value {raw} is not a Python literal (True, 3600, 'text', [...]).");
            }
            config.Set(section, key, value);
        }
        return config;
    }

    public static CherryConfig FromIniFile(string path)
    {
        using var stream = File.OpenRead(path);
        return FromIni(stream);
    }

    /// <summary>
    /// Reads one application's sections from <see cref="IConfiguration"/>: each child is a section
    /// (<c>global</c> or a path) and its descendants are keys, nested objects joined with dots
    /// (<c>{"tools": {"gzip": {"on": true}}}</c> is <c>tools.gzip.on</c>).
    /// </summary>
    public static CherryConfig FromConfiguration(IConfiguration configuration)
    {
        var config = new CherryConfig();
        foreach (var section in configuration.GetChildren())
        {
            AddFlattened(config, section.Key, section, "");
        }
        return config;
    }

    /// <summary>Reads the keys below <paramref name="configuration"/> into one section (used for <c>Cherry:Global</c>).</summary>
    public static CherryConfig FromConfigurationKeys(IConfiguration configuration, string section)
    {
        var config = new CherryConfig();
        if (configuration is IConfigurationSection node)
        {
            AddFlattened(config, section, node, "");
        }
        return config;
    }

    private static void AddFlattened(CherryConfig config, string section, IConfigurationSection node, string prefix)
    {
        foreach (var child in node.GetChildren())
        {
            var key = prefix.Length == 0 ? child.Key : prefix + "." + child.Key;
            if (child.Value is { } value)
            {
                config.Set(section, key, value);
            }
            else
            {
                AddFlattened(config, section, child, key);
            }
        }
    }

    /// <summary>The keys that apply at a tree position: global first, then each enclosing path section, shallowest first.</summary>
    internal IEnumerable<(string Section, string Key, string? Value)> ForPath(string path)
    {
        path = TreeForm(path);
        foreach (var section in _sections.Keys
                     .Where(s => s == GlobalSection || Encloses(s, path))
                     .OrderBy(s => s == GlobalSection ? -1 : s.Length))
        {
            foreach (var (key, value) in _sections[section])
            {
                yield return (section, key, value);
            }
        }
    }

    private static bool Encloses(string section, string path)
    {
        section = TreeForm(section);
        return section == "/" || path == section || path.StartsWith(section + "/", StringComparison.Ordinal);
    }

    /// <summary>A section as the tree path it names (<see cref="ConfigGrammar.TreePath"/>: <c>[/favicon.ico]</c> is <c>/favicon_ico</c>).</summary>
    internal static string TreeForm(string section) => ConfigGrammar.TreePath(section);

    private static string NormalizeSection(string section, string key)
    {
        if (section == GlobalSection)
        {
            return section;
        }
        if (!section.StartsWith('/'))
        {
            throw new CherryConfigurationException(section, key, "a section is 'global' or a path starting with '/'.");
        }
        return section.Length > 1 ? section.TrimEnd('/') : section;
    }
}
