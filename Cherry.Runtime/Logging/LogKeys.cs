namespace Cherry;

/// <summary>A log file a <c>log.*</c> key names, with the section that named it (for start-up errors).</summary>
internal readonly record struct LogFileSetting(string Section, string Key, string Path);

/// <summary>What an application's <c>log.*</c> keys ask of the host's logging (<see cref="CherryLogging"/> applies it).</summary>
internal readonly record struct LogSettings(bool Screen, LogFileSetting? AccessFile, LogFileSetting? ErrorFile)
{
    public bool IsDefault => Screen && AccessFile is null && ErrorFile is null;
}

/// <summary>
/// CherryPy's <c>log.screen</c>, <c>log.access_file</c> and <c>log.error_file</c>. CherryPy reads them from the global
/// config or the application's own (<c>[/]</c>); here they configure the host's logging, which is per host, not per path,
/// so a deeper section is refused rather than silently applied to the whole application.
/// </summary>
internal static class LogKeys
{
    public const string Prefix = "log.";
    public const string Screen = ConfigGrammar.Log.Screen;
    public const string AccessFile = ConfigGrammar.Log.AccessFile;
    public const string ErrorFile = ConfigGrammar.Log.ErrorFile;

    /// <summary>Checks one <c>log.*</c> key of a section; true when it names an access file, which turns the access log on.</summary>
    public static bool Check(string section, string key, string value)
    {
        if (key is not (Screen or AccessFile or ErrorFile))
        {
            throw new CherryConfigurationException(section, key,
                $"unknown log key: CherryPy's are {Screen}, {AccessFile} and {ErrorFile}.{ConfigGrammar.DidYouMean(ConfigGrammar.Nearest(key, ConfigGrammar.Log.All))}");
        }
        if (section is not (CherryConfig.GlobalSection or "/"))
        {
            throw new CherryConfigurationException(section, key,
                $"{key} applies to the whole application (CherryPy reads it from the application's config): move it to [/] or [global].");
        }
        if (key == Screen)
        {
            _ = ParseScreen(section, value);
        }
        return key == AccessFile && value.Length > 0;
    }

    /// <summary>The application's settings: <c>[global]</c>, then <c>[/]</c> over it. The keys were checked by <see cref="Check"/>.</summary>
    public static LogSettings Read(CherryConfig config)
    {
        var settings = new LogSettings(true, null, null);
        foreach (var (section, key, value) in config.ForPath("/"))
        {
            settings = (key, value) switch
            {
                (Screen, { } screen) => settings with { Screen = ParseScreen(section, screen) },
                // An empty name is CherryPy's "no file" (its default), which a lower section may use to undo a global one.
                (AccessFile, { } file) => settings with { AccessFile = file.Length > 0 ? new(section, key, file) : null },
                (ErrorFile, { } file) => settings with { ErrorFile = file.Length > 0 ? new(section, key, file) : null },
                _ => settings,
            };
        }
        return settings;
    }

    private static bool ParseScreen(string section, string value) =>
        ConfigGrammar.TryParseBoolean(value, out var on) ? on : throw new CherryConfigurationException(section, Screen, "expected True or False.");
}
