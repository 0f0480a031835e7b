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

    private readonly Dictionary<string, List<Entry>> _sections = new(StringComparer.Ordinal);

    public IEnumerable<string> Sections => _sections.Keys;

    /// <summary>
    /// Sets one key; a section is <c>global</c> or a path starting with <c>/</c>. A null value is Python's <c>None</c>:
    /// a text tool argument switched off below a section that set it (<c>tools.proxy.base = None</c>).
    /// </summary>
    /// <remarks>
    /// The value is plain text, as in appsettings.json (<c>"admin"</c>, <c>"text/html, text/css"</c>); only INI files hold
    /// Python literals. A value quoted as in an INI file is refused (<see cref="ConfigGrammar.IsIniLiteral"/>), since its
    /// quotes would reach the cookie name, the realm or the page.
    /// </remarks>
    public CherryConfig Set(string section, string key, string? value) => Set(section, key, value, ConfigOrigin.Code);

    /// <summary>Sets one plain value, remembering where it came from for start-up's error messages.</summary>
    internal CherryConfig Set(string section, string key, string? value, string origin)
    {
        if (value is not null && ConfigGrammar.IsIniLiteral(value, out var plain))
        {
            throw new CherryConfigurationException(section, key,
                ConfigGrammar.QuotedAsInIni(value, plain, "outside INI files (appsettings.json, environment variables, the command line, options.Set)"), origin);
        }
        return SetLiteral(section, key, value, origin);
    }

    /// <summary>Sets a value already read by its source's own rule (an INI file's Python literal, or another config's value).</summary>
    private CherryConfig SetLiteral(string section, string key, string? value, string origin)
    {
        section = NormalizeSection(section, key, origin);
        if (!_sections.TryGetValue(section, out var entries))
        {
            _sections[section] = entries = [];
        }
        entries.RemoveAll(e => e.Key == key);
        entries.Add(new(key, value, origin));
        return this;
    }

    /// <summary>Where the key in force in <paramref name="section"/> came from (an INI file's line, a configuration provider, code), or null.</summary>
    internal string? OriginOf(string section, string key) =>
        _sections.TryGetValue(section, out var entries) && entries.FindLast(e => e.Key == key) is { Key: not null } entry ? entry.Origin : null;

    /// <summary>Adds every key of <paramref name="other"/>, overriding equal keys.</summary>
    public CherryConfig Merge(CherryConfig other)
    {
        foreach (var (section, entries) in other._sections)
        {
            foreach (var (key, value, origin) in entries)
            {
                SetLiteral(section, key, value, origin);
            }
        }
        return this;
    }

    /// <summary>
    /// Reads a CherryPy INI file: <c>[global]</c> and <c>[/path]</c> sections whose values are Python literals. Every
    /// malformed line is named in one exception, each with its line.
    /// </summary>
    public static CherryConfig FromIni(Stream stream) => ThrowIfAny(errors => FromIni(stream, "INI stream", errors));

    public static CherryConfig FromIniFile(string path) => ThrowIfAny(errors => FromIniFile(path, errors));

    /// <summary>The keys of an INI file that read well, with each malformed line added to <paramref name="errors"/>.</summary>
    /// <param name="contentRoot">The host's content root, which a missing file's message names (a deployment that left the
    /// file behind, or an app started from another folder, shows there).</param>
    internal static CherryConfig FromIniFile(string path, List<CherryConfigurationException> errors, string? contentRoot = null)
    {
        if (!File.Exists(path))
        {
            var where = contentRoot is null ? "" : $" The content root is {contentRoot}: relative paths resolve against it.";
            errors.Add(new CherryConfigurationException("(file)", path, $"the INI file does not exist; give AddIniFile a path relative to the content root, or an absolute one, and check that the build copies it to the output and publish folders.{where}", ConfigOrigin.Code));
            return new CherryConfig();
        }
        using var stream = File.OpenRead(path);
        return FromIni(stream, path, errors);
    }

    private static CherryConfig FromIni(Stream stream, string name, List<CherryConfigurationException> errors)
    {
        var config = new CherryConfig();
        using var reader = new StreamReader(stream);
        foreach (var entry in IniLines.Read(reader))
        {
            var origin = ConfigOrigin.IniLine(name, entry.Line);
            var section = entry.Section ?? "(none)";
            if (entry.Problem is { } problem)
            {
                errors.Add(new CherryConfigurationException(section, $"line {entry.Line}", problem, origin));
            }
            else if (entry.Section is null)
            {
                errors.Add(new CherryConfigurationException(section, entry.Key, ConfigGrammar.KeyOutsideSection, origin));
            }
            else if (!PythonLiteral.TryParse(entry.Value, out var value))
            {
                errors.Add(new CherryConfigurationException(section, entry.Key, ConfigGrammar.NotAPythonLiteral(entry.Value), origin));
            }
            else
            {
                try
                {
                    config.SetLiteral(section, entry.Key, value, origin);
                }
                catch (CherryConfigurationException e)
                {
                    errors.Add(e);
                }
            }
        }
        return config;
    }

    /// <summary>The configuration <paramref name="read"/> gives, or one exception naming every error it recorded.</summary>
    private static CherryConfig ThrowIfAny(Func<List<CherryConfigurationException>, CherryConfig> read)
    {
        var errors = new List<CherryConfigurationException>();
        var config = read(errors);
        return errors.Count > 0 ? throw CherryConfigurationException.Combine(errors) : config;
    }

    /// <summary>
    /// Reads one application's sections from <see cref="IConfiguration"/>: each child is a section
    /// (<c>global</c> or a path) and its descendants are keys, nested objects joined with dots
    /// (<c>{"tools": {"gzip": {"on": true}}}</c> is <c>tools.gzip.on</c>).
    /// </summary>
    public static CherryConfig FromConfiguration(IConfiguration configuration) => ThrowIfAny(errors => FromConfiguration(configuration, root: null, errors));

    /// <summary>The keys that read well, with each refused one added to <paramref name="errors"/>.</summary>
    /// <param name="root">The configuration the section belongs to: each key's origin names the provider it came from.</param>
    internal static CherryConfig FromConfiguration(IConfiguration configuration, IConfigurationRoot? root, List<CherryConfigurationException> errors)
    {
        var config = new CherryConfig();
        foreach (var section in configuration.GetChildren())
        {
            AddFlattened(config, section.Key, section, "", root, errors);
        }
        return config;
    }

    /// <summary>Reads the keys below <paramref name="configuration"/> into one section (used for <c>Cherry:Global</c>).</summary>
    public static CherryConfig FromConfigurationKeys(IConfiguration configuration, string section) =>
        ThrowIfAny(errors => FromConfigurationKeys(configuration, section, root: null, errors));

    /// <summary>The keys that read well, with each refused one added to <paramref name="errors"/>.</summary>
    internal static CherryConfig FromConfigurationKeys(IConfiguration configuration, string section, IConfigurationRoot? root, List<CherryConfigurationException> errors)
    {
        var config = new CherryConfig();
        if (configuration is IConfigurationSection node)
        {
            AddFlattened(config, section, node, "", root, errors);
        }
        return config;
    }

    /// <summary>Adds a configuration node's values as plain text, recording each refused one so that all are named at once.</summary>
    private static void AddFlattened(CherryConfig config, string section, IConfigurationSection node, string prefix, IConfigurationRoot? root, List<CherryConfigurationException> errors)
    {
        foreach (var child in node.GetChildren())
        {
            var key = prefix.Length == 0 ? child.Key : prefix + "." + child.Key;
            var items = child.Value is null ? child.GetChildren().ToList() : [];
            if (child.Value is { } value)
            {
                Add(key, value, child.Path);
            }
            // A JSON array ("mime_types": ["text/html", "text/css"]) is one list value, as "text/html, text/css" is.
            else if (items.Count > 0 && items.All(i => i.Value is not null && int.TryParse(i.Key, out _)))
            {
                Add(key, string.Join(", ", items.OrderBy(i => int.Parse(i.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(i => i.Value)), items[0].Path);
            }
            else
            {
                AddFlattened(config, section, child, key, root, errors);
            }
        }

        void Add(string key, string value, string path)
        {
            try
            {
                config.Set(section, key, value, ConfigOrigin.Provider(root, path));
            }
            catch (CherryConfigurationException e)
            {
                errors.Add(e);
            }
        }
    }

    /// <summary>The keys that apply at a tree position: global first, then each enclosing path section, shallowest first.</summary>
    internal IEnumerable<(string Section, string Key, string? Value)> ForPath(string path) =>
        ForPath(path, []).Select(e => (e.Section, e.Key, e.Value));

    /// <summary>
    /// The keys that apply at a tree position with those written in code (<see cref="ConfigAttribute"/>) merged in as
    /// CherryPy's dispatcher merges <c>_cp_config</c>: global first, then level by level from the root, at each level the
    /// code's keys before the section of the same path, so the section overrides them. A code key's section is its level's
    /// tree path; its source (what errors name instead of the section) is the class or method that wrote it, null for a section's key.
    /// </summary>
    internal IEnumerable<(string Section, string? Source, string Key, string? Value)> ForPath(string path,
        IEnumerable<(string Path, string Source, string Key, string? Value)> code)
    {
        path = TreeForm(path);
        var levels = code.Where(c => Encloses(c.Path, path))
            .Select(c => (Depth: TreeForm(c.Path).Length, Code: true, Section: c.Path, Source: (string?)$"[Config] on {c.Source}", c.Key, c.Value))
            .Concat(_sections.Keys.Where(s => s == GlobalSection || Encloses(s, path)).SelectMany(section => _sections[section]
                .Select(e => (Depth: section == GlobalSection ? -1 : TreeForm(section).Length, Code: false, Section: section, Source: (string?)null, e.Key, e.Value))));
        // OrderBy is stable: the keys of one level keep their order, code before the section.
        foreach (var entry in levels.OrderBy(e => e.Depth).ThenBy(e => e.Code ? 0 : 1))
        {
            yield return (entry.Section, entry.Source, entry.Key, entry.Value);
        }
    }

    private static bool Encloses(string section, string path)
    {
        section = TreeForm(section);
        return section == "/" || path == section || path.StartsWith(section + "/", StringComparison.Ordinal);
    }

    /// <summary>A section as the tree path it names (<see cref="ConfigGrammar.TreePath"/>: <c>[/favicon.ico]</c> is <c>/favicon_ico</c>).</summary>
    internal static string TreeForm(string section) => ConfigGrammar.TreePath(section);

    private static string NormalizeSection(string section, string key, string origin)
    {
        if (section == GlobalSection)
        {
            return section;
        }
        if (!section.StartsWith('/'))
        {
            throw new CherryConfigurationException(section, key, "a section is 'global' or a path starting with '/'.", origin);
        }
        return section.Length > 1 ? section.TrimEnd('/') : section;
    }

    /// <summary>One key of a section, with where it came from.</summary>
    private readonly record struct Entry(string Key, string? Value, string Origin);
}
