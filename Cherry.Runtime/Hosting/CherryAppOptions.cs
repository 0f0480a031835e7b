namespace Cherry;

/// <summary>One mounted application's configuration (CherryPy's app config given to <c>tree.mount</c>).</summary>
public sealed class CherryAppOptions
{
    internal CherryConfig Config { get; } = new();

    internal Dictionary<(string Section, string Key), ErrorPageRenderer> ErrorPageRenderers { get; } = [];

    /// <summary>What <see cref="Set"/> and <see cref="AddIniFile"/> refused: MapCherry names them with the others, all at once.</summary>
    internal List<CherryConfigurationException> Errors { get; } = [];

    /// <summary>The host's content root: relative INI file paths resolve against it.</summary>
    public string ContentRoot { get; internal set; } = Directory.GetCurrentDirectory();

    internal Dictionary<string, string> VirtualHosts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether chains of only the default tools take their specialised path (<see cref="PlainChain"/>). Always on for an
    /// app; tests turn it off to hold the specialised answers to the generic path's.
    /// </summary>
    internal bool PlanChains { get; set; } = true;

    /// <summary>
    /// Whether <see cref="VirtualHost"/> reads the host from <c>X-Forwarded-Host</c> when a request has one (CherryPy's
    /// <c>use_x_forwarded_host</c>). Off by default: any client can send that header, so trust it only behind a proxy
    /// that sets it, or let ASP.NET Core's forwarded-headers middleware rewrite the host from known proxies.
    /// </summary>
    public bool UseXForwardedHost { get; set; }

    /// <summary>
    /// CherryPy's <c>VirtualHost</c> dispatcher: requests for <paramref name="host"/> dispatch below
    /// <paramref name="prefix"/> (<c>VirtualHost("www.example.com", "/example")</c> serves <c>/about</c> on that host
    /// from <c>/example/about</c>). Config sections name the tree path, prefix included; handlers and
    /// <see cref="Request.Url"/> see the path the browser asked for. A host without a port matches every port.
    /// </summary>
    public CherryAppOptions VirtualHost(string host, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentNullException.ThrowIfNull(prefix);
        var trimmed = prefix.TrimEnd('/');
        if (trimmed.Length > 0 && !trimmed.StartsWith('/'))
        {
            throw new ArgumentException("A virtual host's prefix is a tree path starting with '/'.", nameof(prefix));
        }
        VirtualHosts[host] = trimmed;
        return this;
    }

    /// <summary>Sets one key in a <c>[/path]</c> section; null is Python's <c>None</c> (see <see cref="CherryConfig.Set(string, string, string?)"/>).</summary>
    public CherryAppOptions Set(string section, string key, string? value)
    {
        try
        {
            Config.Set(section, key, value);
        }
        catch (CherryConfigurationException e)
        {
            Errors.Add(e);
        }
        return this;
    }

    /// <summary>Adds every section of a CherryPy INI file.</summary>
    public CherryAppOptions AddIniFile(string path)
    {
        Config.Merge(CherryConfig.FromIniFile(Path.Combine(ContentRoot, path), Errors, ContentRoot));
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
