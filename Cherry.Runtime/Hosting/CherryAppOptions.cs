namespace Cherry;

/// <summary>One mounted application's configuration (CherryPy's app config given to <c>tree.mount</c>).</summary>
public sealed class CherryAppOptions
{
    internal CherryConfig Config { get; } = new();

    internal Dictionary<(string Section, string Key), ErrorPageRenderer> ErrorPageRenderers { get; } = [];

    /// <summary>The host's content root: relative INI file paths resolve against it.</summary>
    public string ContentRoot { get; internal set; } = Directory.GetCurrentDirectory();

    /// <summary>Sets one key in a <c>[/path]</c> section.</summary>
    public CherryAppOptions Set(string section, string key, string value)
    {
        Config.Set(section, key, value);
        return this;
    }

    /// <summary>Adds every section of a CherryPy INI file.</summary>
    public CherryAppOptions AddIniFile(string path)
    {
        Config.Merge(CherryConfig.FromIniFile(Path.Combine(ContentRoot, path)));
        return this;
    }

    public CherryAppOptions Add(CherryConfig config)
    {
        Config.Merge(config);
        return this;
    }

    /// <summary>A callable error page for a status at a path and below (<c>error_page.404</c>); null status is <c>error_page.default</c>.</summary>
    public CherryAppOptions ErrorPage(string section, int? status, ErrorPageRenderer renderer)
    {
        var key = "error_page." + (status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default");
        Config.Set(section, key, "(callable)");
        ErrorPageRenderers[(section, key)] = renderer;
        return this;
    }
}
