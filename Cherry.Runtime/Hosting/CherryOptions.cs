using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cherry;

/// <summary>Process-wide Cherry settings (CherryPy's global config), set through <c>AddCherry</c>.</summary>
public sealed class CherryOptions
{
    /// <summary>Tools that configuration can turn on by name.</summary>
    public ToolRegistry Tools { get; } = new();

    /// <summary>Bare hooks that configuration attaches by name (<c>hooks.before_handler = 'audit'</c>).</summary>
    public HookRegistry Hooks { get; } = new();

    /// <summary>Configuration for every application (CherryPy's global config); merged before each application's own.</summary>
    public CherryConfig Config { get; } = new();

    /// <summary>
    /// JSON metadata for handler types that no <c>JsonSerializerContext</c> in the compilation declares
    /// (for example a context in another assembly). Source-generated contexts only: there is no reflection fallback.
    /// </summary>
    public IList<IJsonTypeInfoResolver> JsonResolvers { get; } = [];

    /// <summary>
    /// How many named parameters (query string, form fields, popped path segments) one request may carry; more is
    /// a 400. The client chooses the count, so it bounds the work of binding; ASP.NET Core's form reader uses the same default.
    /// </summary>
    public int MaxParameters { get; set; } = 1024;

    /// <summary>How multipart bodies are read: the size a part is kept in memory up to, the total limit, the temporary folder.</summary>
    public MultipartOptions Multipart { get; } = new();

    /// <summary>
    /// Namespaces of the application's own configuration keys (CherryPy's custom config namespaces): <c>db</c> lets
    /// <c>db.scheme</c> into any section, readable through <see cref="EntrySettings.Config"/>. Keys without a namespace
    /// need no declaration; any other dotted key outside Cherry's namespaces stops start-up, as a likely typo. A namespace
    /// bound to an options class (<see cref="ConfigNamespace{T}"/>) has its keys checked and typed too.
    /// </summary>
    public ISet<string> ConfigNamespaces { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Declares the namespace <paramref name="name"/> (as <see cref="ConfigNamespaces"/> does) and binds its keys to
    /// <typeparamref name="T"/>'s public settable properties of type string, bool, int, long, double, string[] or an enum:
    /// <c>db.connection_string</c> (or <c>db.ConnectionString</c>: case and underscores are ignored) sets
    /// <c>ConnectionString</c>. The build checks the keys in config files and <see cref="ConfigAttribute"/>s (CHERRY0018/0019)
    /// and start-up checks every source. A handler reads the instance bound at its path with
    /// <see cref="EntrySettings.Options{T}"/>; DI's <see cref="IOptions{TOptions}"/> gives the one bound from the
    /// <c>[global]</c> keys. The generator writes the binder from this call, so the name must be a constant.
    /// </summary>
    public CherryOptions ConfigNamespace<T>(string name) where T : class, new()
    {
        ConfigNamespaces.Add(name);
        TypedNamespaces[name] = typeof(T);
        _registrations.Add(services => services.AddSingleton<IOptions<T>>(provider => Options.Create((T)BindGlobal(name, typeof(T), provider))));
        return this;
    }

    /// <summary>The typed namespaces by name (<see cref="ConfigNamespace{T}"/>).</summary>
    internal Dictionary<string, Type> TypedNamespaces { get; } = new(StringComparer.Ordinal);

    private readonly List<Action<IServiceCollection>> _registrations = [];

    /// <summary>Registers what the typed namespaces give DI (their <see cref="IOptions{TOptions}"/>), once <c>AddCherry</c> has the options.</summary>
    internal void Register(IServiceCollection services) => _registrations.ForEach(register => register(services));

    /// <summary>
    /// An options class bound from the <c>[global]</c> keys every application shares: <see cref="Config"/> and
    /// <c>Cherry:Global</c> of the host's configuration, later sources winning.
    /// </summary>
    private object BindGlobal(string name, Type type, IServiceProvider provider)
    {
        var config = new CherryConfig().Merge(Config);
        if (provider.GetService<IConfiguration>() is { } configuration)
        {
            config.Merge(CherryConfig.FromConfigurationKeys(configuration.GetSection("Cherry:Global"), CherryConfig.GlobalSection));
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (section, key, value) in config.ForPath("/").Where(e => e.Section == CherryConfig.GlobalSection))
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }
        var errors = new List<CherryConfigurationException>();
        var options = ConfigBinders.Find(type).Bind(name, values.Select(v => (v.Key, v.Value, CherryConfig.GlobalSection)), errors);
        return errors.Count > 0 ? throw CherryConfigurationException.Combine(errors) : options;
    }

    /// <summary>Who may open the diagnostic pages (statistics, GC, profiles) outside Development; see <see cref="Cherry.DiagnosticsAccess"/>.</summary>
    public DiagnosticsAccess DiagnosticsAccess { get; set; } = DiagnosticsAccess.Authorized;

    /// <summary>Show stack traces on error pages; null means "in the Development environment only".</summary>
    public bool? ShowTracebacks { get; set; }
}
