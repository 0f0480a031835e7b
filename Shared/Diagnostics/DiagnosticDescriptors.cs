using Microsoft.CodeAnalysis;

namespace Cherry.Shared
{
    /// <summary>
    /// Every Cherry diagnostic, generator's and analyzers' alike: one table, linked into both projects,
    /// each rule with a help link to docs/diagnostics/CHERRYnnnn.md.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Cherry.Generator";
        // Relative to the repository root; the documents ship with the sources.
        private const string HelpRoot = "docs/diagnostics/";

        public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
            "CHERRY0001",
            "Unsupported handler return type",
            "Handler '{0}' returns '{1}', which Cherry cannot write; return string, byte[], void, a Task of those, or an IEnumerable/IAsyncEnumerable of string, byte[] or object, or add [JsonOut]",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0001.md");

        public static readonly DiagnosticDescriptor UnsupportedParameterType = new(
            "CHERRY0002",
            "Unsupported handler parameter type",
            "Parameter '{0}' of handler '{1}' has type '{2}', which Cherry cannot bind from a URL, query string or form",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0002.md");

        public static readonly DiagnosticDescriptor InvalidDispatchHook = new(
            "CHERRY0003",
            "Invalid [Dispatch] method",
            "The [Dispatch] method '{0}' must take one Cherry.VirtualPath and return a class",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0003.md");

        public static readonly DiagnosticDescriptor ExposedMemberNotReachable = new(
            "CHERRY0004",
            "[Exposed] method cannot be reached",
            "The [Exposed] method '{0}' must be a public instance method to be reachable over HTTP",
            "Cherry.Usage", DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0004.md");

        public static DiagnosticDescriptor? Find(string id) => id switch
        {
            "CHERRY0001" => UnsupportedReturnType,
            "CHERRY0002" => UnsupportedParameterType,
            "CHERRY0003" => InvalidDispatchHook,
            "CHERRY0004" => ExposedMemberNotReachable,
            _ => null,
        };
    }
}
