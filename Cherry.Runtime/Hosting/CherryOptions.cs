using System.Text.Json.Serialization.Metadata;

namespace Cherry;

/// <summary>Process-wide Cherry settings (CherryPy's global config), set through <c>AddCherry</c>.</summary>
public sealed class CherryOptions
{
    /// <summary>Tools that configuration can turn on by name.</summary>
    public ToolRegistry Tools { get; } = new();

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
    /// need no declaration; any other dotted key outside Cherry's namespaces stops start-up, as a likely typo.
    /// </summary>
    public ISet<string> ConfigNamespaces { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Who may open the diagnostic pages (statistics, GC, profiles) outside Development; see <see cref="Cherry.DiagnosticsAccess"/>.</summary>
    public DiagnosticsAccess DiagnosticsAccess { get; set; } = DiagnosticsAccess.Authorized;

    /// <summary>Show stack traces on error pages; null means "in the Development environment only".</summary>
    public bool? ShowTracebacks { get; set; }
}
