using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Cherry.Generators.Model;
using Cherry.Generators.Parsing;
using Cherry.Generators.Planning;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0018–0020: the app's INI config files (<c>*.conf</c> passed as AdditionalFiles) checked at build, on their own
    /// lines, by the rules start-up applies: keys and tools against the catalog (with a "did you mean"), values against
    /// each argument's type and rule, and, for a file a <c>MapCherry</c> call loads, each section that configures tools
    /// against the paths the planned tree serves.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnknownConfigurationKey, DiagnosticDescriptors.InvalidConfigurationValue, DiagnosticDescriptors.SectionNamesNoPath);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var files = start.Options.AdditionalFiles.Where(f => f.Path.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || MountConfiguration.IsAppSettings(f.Path)).ToImmutableArray();
                if (AppConfigFacts.Register(start) is not { } facts)
                {
                    return;
                }
                var known = KnownTypes.For(start.Compilation);
                var container = start.Compilation.GetTypeByMetadataName(WellKnownNames.MapCherryContainer);
                var calls = new ConcurrentBag<MapCherryCall>();
                start.RegisterOperationAction(operationContext =>
                {
                    if (container is not null && MapCherryCall.From((IInvocationOperation)operationContext.Operation, container) is { Root: INamedTypeSymbol root } call)
                    {
                        calls.Add(call);
                    }
                }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(end =>
                {
                    var judge = facts.Gathered();
                    var mounts = calls.Select(call => Mount.Of(call, files, end.CancellationToken)).ToList();
                    // The sections of a MapCherry call's constant Set calls, judged as a file's sections are.
                    foreach (var mount in mounts)
                    {
                        ReportUnservedSections(end, known, mount, mount.Configuration.Keys.Where(k => k.Location.IsInSource).Select(k => new SectionKey(k.Section, k.Key, k.Location)));
                    }
                    foreach (var file in files)
                    {
                        if (file.GetText(end.CancellationToken) is not { } text)
                        {
                            continue;
                        }
                        if (MountConfiguration.IsAppSettings(file.Path))
                        {
                            CheckAppSettings(end, file.Path, text, judge, known, mounts);
                            continue;
                        }
                        var entries = IniLines.Read(new StringReader(text.ToString())).ToList();
                        foreach (var entry in entries)
                        {
                            if (Check(entry, judge) is { } finding)
                            {
                                AppConfigFacts.Report(end, finding, MountConfiguration.LineLocation(file.Path, text, entry.Line), entry.Section ?? "(none)", entry.Key);
                            }
                        }
                        var sectionKeys = entries.Where(e => e.Problem is null && e.Section is not null)
                            .Select(e => new SectionKey(e.Section!, e.Key, MountConfiguration.LineLocation(file.Path, text, HeaderLine(text, e.Line)))).ToList();
                        foreach (var mount in mounts.Where(m => m.Files.Contains(Path.GetFileName(file.Path), StringComparer.OrdinalIgnoreCase)))
                        {
                            ReportUnservedSections(end, known, mount, sectionKeys);
                        }
                    }
                });
            });
        }

        /// <summary>What is wrong with one entry, or null when start-up would take it.</summary>
        private static ConfigFinding? Check(IniEntry entry, AppConfigFacts.Judge judge)
        {
            if (entry.Problem is { } problem)
            {
                return new ConfigFinding(ConfigProblem.InvalidValue, problem);
            }
            if (entry.Section is null)
            {
                return new ConfigFinding(ConfigProblem.InvalidValue, ConfigGrammar.KeyOutsideSection);
            }
            if (!IniLiteral.TryParse(entry.Value, out var value))
            {
                return new ConfigFinding(ConfigProblem.InvalidValue, ConfigGrammar.NotAPythonLiteral(entry.Value));
            }
            return judge.Check(entry.Key, value);
        }

        /// <summary>
        /// An appsettings file's <c>Cherry:Global</c> and <c>Cherry:Apps:&lt;mount&gt;:&lt;section&gt;</c> keys, nested objects
        /// joined with dots as the runtime joins them: plain values (one quoted as in an INI file is CHERRY0019), the same
        /// key and value checks as INI files, and each app's sections against the tree mounted there.
        /// </summary>
        private static void CheckAppSettings(CompilationAnalysisContext end, string path, SourceText text, AppConfigFacts.Judge judge, KnownTypes known,
            IEnumerable<Mount> mounts)
        {
            var byMount = new Dictionary<string, List<SectionKey>>(StringComparer.Ordinal);
            var keys = MountConfiguration.AppSettingsKeys(path, text, out var faultLine);
            if (faultLine is { } line)
            {
                end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidConfigurationValue, MountConfiguration.LineLocation(path, text, line), "(file)", Path.GetFileName(path),
                    "the file stops being JSON here; the host's JSON configuration provider will refuse it at start-up, and the build checks no key after this line."));
            }
            foreach (var (mount, configured, leaf, inArray) in keys)
            {
                var (section, key, location) = (configured.Section, configured.Key, configured.Location);
                if (leaf.IsString && leaf.Value is { } value && ConfigGrammar.IsIniLiteral(value, out var plain))
                {
                    AppConfigFacts.Report(end, ConfigFinding.QuotedAsInIni(value, plain), location, section, key);
                }
                // An array's items are one list value: the key is the array's, and its items are judged as a list.
                else if (judge.Check(key, inArray ? null : leaf.Value) is { } finding
                    && !(inArray && finding.Problem == ConfigProblem.InvalidValue))
                {
                    AppConfigFacts.Report(end, finding, location, section, key);
                }
                if (mount is not null)
                {
                    if (!byMount.TryGetValue(mount, out var entries))
                    {
                        byMount[mount] = entries = new List<SectionKey>();
                    }
                    entries.Add(new SectionKey(section, key, location));
                }
            }
            foreach (var mount in mounts)
            {
                if (byMount.TryGetValue(mount.ScriptName, out var entries))
                {
                    ReportUnservedSections(end, known, mount, entries);
                }
            }
        }

        /// <summary>
        /// CHERRY0020 for each section of the file that configures tools at a path the tree cannot serve (a typo such as
        /// [/admn] leaves [/admin] unprotected), on the section's header in an INI file. A section that only a node taking
        /// the rest reaches (a Default) is reported when it is a near miss of a path the tree names ([/basicq] beside
        /// [/basic]): its keys reach only what the Default answers there. Static files and error pages serve paths
        /// outside the tree, so sections that only set those are fine.
        /// </summary>
        private static void ReportUnservedSections(CompilationAnalysisContext end, KnownTypes known, Mount mount, IEnumerable<SectionKey> configured)
        {
            var (root, scriptName) = (mount.Root, mount.ScriptName);
            if (PlannedTrees.Of(end.Compilation, root, known, end.CancellationToken) is not { } tree)
            {
                return;
            }
            var named = NamedPaths(tree).ToList();
            foreach (var section in configured.Where(k => k.Section != ConfigGrammar.GlobalSection).GroupBy(k => k.Section))
            {
                var keys = section.Select(e => e.Key).ToList();
                var treePath = ConfigGrammar.TreePath("/" + section.Key.Trim().Trim('/'));
                // Static files answer at a static section and below it, and the keys of a section above one reach them too.
                if (!keys.Any(k => k.StartsWith("tools.", StringComparison.Ordinal))
                    || mount.StaticSections.Any(s => Within(s, treePath) || Within(treePath, s))
                    || named.Any(p => Within(p, treePath)))
                {
                    continue;
                }
                var nearest = ConfigGrammar.Nearest(treePath, named.Distinct());
                string reason;
                if (!TakenByTheRest(tree, treePath))
                {
                    reason = ", so its keys apply nowhere" + (nearest is null ? "" : $"; did you mean [{nearest}]?");
                }
                else if (nearest is not null)
                {
                    reason = $"; only a node that takes the rest of the path answers there, and [{nearest}] is one the tree names: did you mean it?";
                }
                else
                {
                    continue;
                }
                end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SectionNamesNoPath, section.First().Location, section.Key, scriptName, reason));
            }
        }

        /// <summary>Every path the tree names: its positions, handlers and members' segments.</summary>
        private static IEnumerable<string> NamedPaths(TreeSpec tree) =>
            tree.Positions.Select(p => p.Path)
                .Concat(tree.Entries.Select(e => e.Path))
                .Concat(tree.Positions.SelectMany(p => p.Members.SelectMany(m => m.Segments).Select(s => Join(p.Path, s))));

        /// <summary>
        /// Whether a node that takes what follows it (default, popped arguments, a dispatch method, REST, XML-RPC) answers
        /// at <paramref name="section"/>.
        /// </summary>
        private static bool TakenByTheRest(TreeSpec tree, string section) =>
            tree.Positions.Any(position => (position.Default is not null || position.DefaultChild is not null || position.PopArgs.Count > 0
                || position.DispatchMethod is not null || position.Rest is not null || position.XmlRpc is not null) && Within(section, position.Path))
            || TakenByAHandler(tree, section);

        /// <summary>
        /// Whether a handler above <paramref name="section"/> takes its remaining segments as positional arguments, as
        /// CherryPy's virtual path does: any number for <c>params string[]</c>, else one per positional parameter.
        /// </summary>
        private static bool TakenByAHandler(TreeSpec tree, string section)
        {
            foreach (var entry in tree.Entries)
            {
                if (entry.Invoker is not { } invoker || entry.Path == section || !Within(section, entry.Path)
                    || tree.Invokers.FirstOrDefault(i => i.Name == invoker)?.Handler is not { } handler)
                {
                    continue;
                }
                var extra = section.Substring(entry.Path.Length).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Length;
                var positional = handler.Parameters.Count(p => p.TakesSegment);
                if (handler.Parameters.Any(p => p.Kind == ParameterKind.VarArgs) || positional >= extra)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The line of the <c>[section]</c> header above an INI file's key line.</summary>
        private static int HeaderLine(SourceText text, int keyLine)
        {
            for (var line = keyLine - 1; line >= 1; line--)
            {
                if (text.Lines[line - 1].ToString().TrimStart().StartsWith("[", StringComparison.Ordinal))
                {
                    return line;
                }
            }
            return keyLine;
        }

        /// <summary>A MapCherry call as the section check needs it: its root, the INI files it loads, and its static sections from every source the build sees.</summary>
        private sealed class Mount
        {
            private Mount(INamedTypeSymbol root, string scriptName, MountConfiguration configuration)
            {
                Root = root;
                ScriptName = scriptName;
                Configuration = configuration;
                StaticSections = configuration.Keys
                    .Where(k => k.Key.StartsWith("tools.staticdir.", StringComparison.Ordinal) || k.Key.StartsWith("tools.staticfile.", StringComparison.Ordinal))
                    .Select(k => k.TreePath).Distinct().ToList();
            }

            public INamedTypeSymbol Root { get; }

            public string ScriptName { get; }

            /// <summary>The names of the INI files the call loads.</summary>
            public ImmutableArray<string> Files => Configuration.IniFileNames;

            public MountConfiguration Configuration { get; }

            public List<string> StaticSections { get; }

            public static Mount Of(MapCherryCall call, ImmutableArray<AdditionalText> files, System.Threading.CancellationToken cancellation) =>
                new((INamedTypeSymbol)call.Root, call.ScriptName, MountConfiguration.Read(call, files, cancellation));
        }

        /// <summary>A key of a section, and where a finding about the whole section goes (an INI header, a JSON key, a Set call).</summary>
        private readonly struct SectionKey
        {
            public SectionKey(string section, string key, Location location)
            {
                Section = section;
                Key = key;
                Location = location;
            }

            public string Section { get; }

            public string Key { get; }

            public Location Location { get; }
        }

        /// <summary>Whether <paramref name="path"/> is <paramref name="prefix"/> or below it.</summary>
        private static bool Within(string path, string prefix) =>
            prefix == "/" || path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);

        private static string Join(string path, string segment) => path == "/" ? "/" + segment : path + "/" + segment;
    }
}
