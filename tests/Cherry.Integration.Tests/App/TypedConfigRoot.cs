namespace Cherry.Integration.Tests.App;

public enum StoreMode
{
    Fast,
    Safe,
}

/// <summary>The options class the typed namespace <c>store</c> binds, for <see cref="TypedConfigTests"/>.</summary>
public sealed class StoreOptions
{
    public string ConnectionString { get; set; } = "none";

    public int Pool { get; set; } = 1;

    public long MaxBytes { get; set; }

    public double Ratio { get; set; } = 0.5;

    public bool Trace { get; set; }

    public StoreMode Mode { get; set; }

    public string[] Hosts { get; set; } = [];

    internal static string Describe(StoreOptions o) =>
        string.Join("|", o.ConnectionString, o.Pool, o.MaxBytes, o.Ratio.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Trace, o.Mode, string.Join(",", o.Hosts));
}

[Config("store.pool", 5)]
public sealed class TypedConfigRoot
{
    public TypedConfigArea Area { get; } = new();

    [Exposed]
    public string Index(Request request) => StoreOptions.Describe(request.Settings.Options<StoreOptions>());
}

public sealed class TypedConfigArea
{
    [Exposed]
    public string Index(Request request) => StoreOptions.Describe(request.Settings.Options<StoreOptions>());

    [Exposed, Config("store.mode", StoreMode.Safe), Config("store.trace", true)]
    public string Safe(Request request) => StoreOptions.Describe(request.Settings.Options<StoreOptions>());
}
