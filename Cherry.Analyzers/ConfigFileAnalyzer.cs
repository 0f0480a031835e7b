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
                var files = start.Options.AdditionalFiles.Where(f => f.Path.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || IsAppSettings(f.Path)).ToImmutableArray();
                if (files.IsEmpty || AppConfigFacts.Register(start) is not { } facts)
                {
                    return;
                }
                var known = KnownTypes.For(start.Compilation);
                var container = start.Compilation.GetTypeByMetadataName(WellKnownNames.MapCherryContainer);
                var mounts = new ConcurrentBag<(INamedTypeSymbol Root, string ScriptName, ImmutableArray<string> Files)>();
                start.RegisterOperationAction(operationContext =>
                {
                    if (container is not null && MapCherryCall.From((IInvocationOperation)operationContext.Operation, container) is { Root: INamedTypeSymbol root } call)
                    {
                        mounts.Add((root, call.ScriptName, IniFiles(call)));
                    }
                }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(end =>
                {
                    var (toolNames, typed) = (facts.UserTools, facts.Typed);
                    foreach (var file in files)
                    {
                        if (file.GetText(end.CancellationToken) is not { } text)
                        {
                            continue;
                        }
                        if (IsAppSettings(file.Path))
                        {
                            CheckAppSettings(end, file.Path, text, toolNames, typed, known, mounts);
                            continue;
                        }
                        var entries = IniLines.Read(new StringReader(text.ToString())).ToList();
                        foreach (var entry in entries)
                        {
                            if (Check(entry, toolNames, typed) is { } finding)
                            {
                                AppConfigFacts.Report(end, finding, LineLocation(file.Path, text, entry.Line), entry.Section ?? "(none)", entry.Key);
                            }
                        }
                        foreach (var (root, scriptName, _) in mounts.Where(m => m.Files.Contains(Path.GetFileName(file.Path), StringComparer.OrdinalIgnoreCase)))
                        {
                            ReportUnservedSections(end, known, root, scriptName, file.Path, text, entries);
                        }
                    }
                });
            });
        }

        /// <summary>What is wrong with one entry, or null when start-up would take it.</summary>
        private static (ConfigProblem Problem, string Message)? Check(IniEntry entry, HashSet<string>? userTools, IReadOnlyDictionary<string, ConfigOptionsType> typed)
        {
            if (entry.Problem is { } problem)
            {
                return (ConfigProblem.InvalidValue, problem);
            }
            if (entry.Section is null)
            {
                return (ConfigProblem.InvalidValue, "every key must be inside a [global] or [/path] section.");
            }
            if (!IniLiteral.TryParse(entry.Value, out var value))
            {
                return (ConfigProblem.InvalidValue, $"the value {entry.Value} is not a Python literal (True, 3600, 'text', [...]).");
            }
            return ConfigKeys.Check(entry.Key, value, userTools, typed);
        }

        private static bool IsAppSettings(string path)
        {
            var name = Path.GetFileName(path);
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// An appsettings file's <c>Cherry:Global</c> and <c>Cherry:Apps:&lt;mount&gt;:&lt;section&gt;</c> keys, nested objects
        /// joined with dots as the runtime joins them: plain values (one quoted as in an INI file is CHERRY0019), the same
        /// key and value checks as INI files, and each app's sections against the tree mounted there.
        /// </summary>
        private static void CheckAppSettings(CompilationAnalysisContext end, string path, SourceText text, HashSet<string>? userTools,
            IReadOnlyDictionary<string, ConfigOptionsType> typed, KnownTypes known,
            IEnumerable<(INamedTypeSymbol Root, string ScriptName, ImmutableArray<string> Files)> mounts)
        {
            var byMount = new Dictionary<string, List<IniEntry>>(StringComparer.Ordinal);
            foreach (var leaf in JsonLines.Read(text.ToString()))
            {
                var names = leaf.Path;
                if (names.Length < 3 || !names[0].Equals("Cherry", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                string section;
                string? mount = null;
                int keyStart;
                if (names[1].Equals("Global", StringComparison.OrdinalIgnoreCase))
                {
                    (section, keyStart) = (ConfigGrammar.GlobalSection, 2);
                }
                else if (names[1].Equals("Apps", StringComparison.OrdinalIgnoreCase) && names.Length >= 5)
                {
                    (mount, section, keyStart) = (ConfigGrammar.ScriptName(names[2]), names[3], 4);
                }
                else
                {
                    continue;
                }
                // An array's items are one list value: the key is the array's, and its items are judged as a list.
                var inArray = int.TryParse(names[names.Length - 1], out _);
                var key = string.Join(".", names, keyStart, names.Length - keyStart - (inArray ? 1 : 0));
                if (key.Length == 0)
                {
                    continue;
                }
                var location = LineLocation(path, text, leaf.Line);
                if (leaf.IsString && leaf.Value is { } value && ConfigGrammar.IsIniLiteral(value, out var plain))
                {
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidConfigurationValue, location, section, key,
                        $"the value {value} is written as in an INI file; outside INI files values are plain text: write {plain}."));
                }
                else if (ConfigKeys.Check(key, inArray ? null : leaf.Value, userTools, typed) is { } finding
                    && !(inArray && finding.Problem == ConfigProblem.InvalidValue))
                {
                    AppConfigFacts.Report(end, finding, location, section, key);
                }
                if (mount is not null)
                {
                    if (!byMount.TryGetValue(mount, out var entries))
                    {
                        byMount[mount] = entries = new List<IniEntry>();
                    }
                    entries.Add(new IniEntry(section, key, leaf.Value ?? "", leaf.Line, null));
                }
            }
            foreach (var (root, scriptName, _) in mounts)
            {
                if (byMount.TryGetValue(scriptName, out var entries))
                {
                    ReportUnservedSections(end, known, root, scriptName, path, text, entries);
                }
            }
        }

        /// <summary>
        /// CHERRY0020 for each section of the file that configures tools at a path the tree cannot serve (a typo such as
        /// [/admn] leaves [/admin] unprotected). Static files and error pages serve paths outside the tree, so sections
        /// that only set those are fine.
        /// </summary>
        private static void ReportUnservedSections(CompilationAnalysisContext end, KnownTypes known, INamedTypeSymbol root, string scriptName, string path,
            SourceText text, List<IniEntry> entries)
        {
            var nodes = NodeParser.Parse(root, known, end.CancellationToken).ToDictionary(n => n.TypeName);
            if (TreePlanner.Plan(new RootSpec(TypeNames.Of(root), root.Name, Construction: null), nodes, new Dictionary<string, string>()) is not { } tree)
            {
                return;
            }
            foreach (var section in entries.Where(e => e.Problem is null && e.Section is not null && e.Section != ConfigGrammar.GlobalSection).GroupBy(e => e.Section!))
            {
                var keys = section.Select(e => e.Key).ToList();
                var treePath = ConfigGrammar.TreePath("/" + section.Key.Trim().Trim('/'));
                if (!keys.Any(k => k.StartsWith("tools.", StringComparison.Ordinal)) || keys.Any(k => k.StartsWith("tools.staticdir.", StringComparison.Ordinal) || k.StartsWith("tools.staticfile.", StringComparison.Ordinal))
                    || Serves(tree, treePath))
                {
                    continue;
                }
                var nearest = ConfigGrammar.Nearest(treePath, tree.Positions.Select(p => p.Path).Concat(tree.Entries.Select(e => e.Path)).Distinct());
                end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SectionNamesNoPath, LineLocation(path, text, section.First().Line), section.Key, scriptName,
                    nearest is null ? "" : $"; did you mean [{nearest}]?"));
            }
        }

        /// <summary>Whether a request can reach <paramref name="section"/> or a path below it through the tree.</summary>
        private static bool Serves(TreeSpec tree, string section)
        {
            if (section == "/")
            {
                return true;
            }
            foreach (var position in tree.Positions)
            {
                // A node that takes what follows it (default, popped arguments, a dispatch method, REST, XML-RPC) serves every path below it.
                var takesTheRest = position.Default is not null || position.DefaultChild is not null || position.PopArgs.Count > 0
                    || position.DispatchMethod is not null || position.Rest is not null || position.XmlRpc is not null;
                if (Within(position.Path, section) || takesTheRest && Within(section, position.Path))
                {
                    return true;
                }
                if (position.Members.SelectMany(m => m.Segments).Any(s => Within(Join(position.Path, s), section)))
                {
                    return true;
                }
            }
            return tree.Entries.Any(e => Within(e.Path, section));
        }

        /// <summary>Whether <paramref name="path"/> is <paramref name="prefix"/> or below it.</summary>
        private static bool Within(string path, string prefix) =>
            prefix == "/" || path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);

        private static string Join(string path, string segment) => path == "/" ? "/" + segment : path + "/" + segment;

        private static Location LineLocation(string path, SourceText text, int line)
        {
            var index = Math.Max(0, Math.Min(line - 1, text.Lines.Count - 1));
            var span = text.Lines.Count == 0 ? default : text.Lines[index].Span;
            return Location.Create(path, span, new LinePositionSpan(new LinePosition(index, 0), new LinePosition(index, span.Length)));
        }

        /// <summary>The file names a MapCherry call's configure lambda loads with AddIniFile (constants somewhere in the argument).</summary>
        private static ImmutableArray<string> IniFiles(MapCherryCall call) =>
            call.Argument("configure") is IAnonymousFunctionOperation lambda
                ? lambda.Body.Descendants().OfType<IInvocationOperation>()
                    .Where(c => c.TargetMethod.Name == "AddIniFile")
                    .SelectMany(MapCherryCall.IniFileNames)
                    .ToImmutableArray()
                : ImmutableArray<string>.Empty;
    }
}
