using Microsoft.CodeAnalysis;

namespace Cherry.Shared
{
    /// <summary>
    /// Every Cherry diagnostic, generator's and analyzers' alike: one table, linked into both projects,
    /// each rule with a help link to its page, docs/diagnostics/CHERRYnnnn.md of the published repository.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Cherry.Generator";
        private const string Usage = "Cherry.Usage";
        // Absolute, so that an IDE opens it: the published repository's pages (CherryRepositoryUrl in
        // Directory.Build.props). The same pages ship in the Cherry package under docs/diagnostics/.
        private const string HelpRoot = CherryRepository.Url + "/blob/main/docs/diagnostics/";

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
            "The [Dispatch] method '{0}' must take a Cherry.VirtualPath (and optionally a Cherry.Request) and return a class",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0003.md");

        public static readonly DiagnosticDescriptor ExposedMemberNotReachable = new(
            "CHERRY0004",
            "[Exposed] method cannot be reached",
            "The [Exposed] method '{0}' must be a public instance method to be reachable over HTTP",
            Usage, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0004.md");

        public static readonly DiagnosticDescriptor RouteConflict = new(
            "CHERRY0005",
            "Two members answer the same URL",
            "'{0}' and '{1}' of '{2}' both answer the URL segment '{3}'; only the first is reachable",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0005.md");

        public static readonly DiagnosticDescriptor ExposedNotDispatchable = new(
            "CHERRY0006",
            "[Exposed] method cannot be dispatched",
            "The [Exposed] method '{0}' cannot be dispatched: {1}",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0006.md");

        public static readonly DiagnosticDescriptor JsonTypeNotInContext = new(
            "CHERRY0007",
            "JSON type missing from the JsonSerializerContext",
            "'{0}' ({1} of '{2}') is in no JsonSerializerContext, so the app fails at start-up for want of its JSON metadata; {3}",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0007.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor InvalidToolArgument = new(
            "CHERRY0008",
            "Invalid tool argument",
            "[{0}] {1}",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0008.md");

        public static readonly DiagnosticDescriptor MissingRealm = new(
            "CHERRY0009",
            "Authentication without a realm",
            "[{0}] needs a Realm: it names the protection space and the DI key of its password source",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0009.md");

        public static readonly DiagnosticDescriptor MissingDigestKey = new(
            "CHERRY0010",
            "Digest authentication without a key",
            "[AuthDigest] needs a Key: it signs the nonces",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0010.md");

        public static readonly DiagnosticDescriptor RestResourceShape = new(
            "CHERRY0011",
            "Malformed [Rest] resource",
            "[Rest] class '{0}': {1}",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0011.md");

        public static readonly DiagnosticDescriptor SessionNotEnabled = new(
            "CHERRY0012",
            "Session read where sessions are off",
            "Handler '{0}' at '{1}' reads the session, but no [Sessions] attribute or configuration switches sessions on for that path",
            Usage, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0012.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor ToolOnUnexposedMember = new(
            "CHERRY0013",
            "Tool attribute on a method that is not exposed",
            "[{0}] on '{1}' does nothing: the method is not exposed",
            Usage, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0013.md");

        public static readonly DiagnosticDescriptor MountConflict = new(
            "CHERRY0014",
            "Two applications mounted at the same path",
            "'{0}' is already mounted at '{1}'; '{2}' would never be reached",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0014.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor MountWithoutHandlers = new(
            "CHERRY0015",
            "Mounted class has no handler",
            "'{0}' has no [Exposed] method, [Rest] verb or sub-tree that has one, so MapCherry would have nothing to serve",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0015.md");

        public static readonly DiagnosticDescriptor AttributesDoNotCombine = new(
            "CHERRY0016",
            "Attributes that do not work together",
            "'{0}': {1}",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0016.md");

        public static readonly DiagnosticDescriptor PerRequestValueInNodeConstructor = new(
            "CHERRY0017",
            "A tree node's constructor takes a per-request value",
            "'{0}' is built once at start-up and lives as long as the app, so its constructor parameter '{1}' cannot take the per-request {2}; take it as a handler parameter instead",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0017.md");

        public static readonly DiagnosticDescriptor UnknownConfigurationKey = new(
            "CHERRY0018",
            "Unknown configuration key",
            "[{0}] {1}: {2}",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0018.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor InvalidConfigurationValue = new(
            "CHERRY0019",
            "Invalid configuration value",
            "[{0}] {1}: {2}",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0019.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor SectionNamesNoPath = new(
            "CHERRY0020",
            "Configuration section names no path of the tree",
            "The section [{0}] names no path that the tree mounted at '{1}' serves{2}",
            Usage, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0020.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor ToolNeedNotMet = new(
            "CHERRY0021",
            "A tool's need is not met",
            "{0}",
            Usage, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0021.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor AttributeNotHonoured = new(
            "CHERRY0022",
            "Attribute its target cannot honour",
            "[{0}] on '{1}': {2}",
            Usage, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0022.md");
        public static readonly DiagnosticDescriptor InvalidToolDeclaration = new(
            "CHERRY0023",
            "A [ToolDeclaration] class cannot make its tool",
            "The tool declaration {0} cannot make its tool: {1}",
            Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "CHERRY0023.md");

        public static DiagnosticDescriptor? Find(string id) => id switch
        {
            "CHERRY0001" => UnsupportedReturnType,
            "CHERRY0002" => UnsupportedParameterType,
            "CHERRY0003" => InvalidDispatchHook,
            "CHERRY0004" => ExposedMemberNotReachable,
            "CHERRY0005" => RouteConflict,
            "CHERRY0006" => ExposedNotDispatchable,
            "CHERRY0007" => JsonTypeNotInContext,
            "CHERRY0008" => InvalidToolArgument,
            "CHERRY0009" => MissingRealm,
            "CHERRY0010" => MissingDigestKey,
            "CHERRY0011" => RestResourceShape,
            "CHERRY0012" => SessionNotEnabled,
            "CHERRY0013" => ToolOnUnexposedMember,
            "CHERRY0014" => MountConflict,
            "CHERRY0015" => MountWithoutHandlers,
            "CHERRY0016" => AttributesDoNotCombine,
            "CHERRY0017" => PerRequestValueInNodeConstructor,
            "CHERRY0018" => UnknownConfigurationKey,
            "CHERRY0019" => InvalidConfigurationValue,
            "CHERRY0020" => SectionNamesNoPath,
            "CHERRY0021" => ToolNeedNotMet,
            "CHERRY0022" => AttributeNotHonoured,
            "CHERRY0023" => InvalidToolDeclaration,
            _ => null,
        };
    }
}
