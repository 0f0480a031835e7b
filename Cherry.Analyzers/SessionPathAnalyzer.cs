using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Cherry.Generators.Planning;
using Cherry.Generators.Model;
using Cherry.Generators.Parsing;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0012: a handler that reads the session (a <c>Session</c> parameter, <c>request.Session</c> or
    /// <c>request.RequiredSession</c>) at a path where neither a [Sessions] attribute nor the app's configuration
    /// switches sessions on. Configuration is read where the compiler can see it: constant
    /// <c>options.Set(section, "tools.sessions.on", ...)</c> calls and INI files passed as AdditionalFiles. An app
    /// whose configuration it cannot see (a computed path, <c>Add(config)</c>, appsettings) is not judged.
    /// Walks every mounted tree, so it runs once, at the end of the compilation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SessionPathAnalyzer : DiagnosticAnalyzer
    {
        private const string SessionsOn = "tools.sessions.on";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SessionNotEnabled);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownTypes.For(start.Compilation);
                var container = start.Compilation.GetTypeByMetadataName(WellKnownNames.MapCherryContainer);
                if (known.Session is null || known.Sessions is null || known.Exposed is null || container is null)
                {
                    return;
                }
                var options = start.Options.AdditionalFiles;
                if (options.Any(f => Path.GetFileName(f.Path).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                    // Any mention, dotted ("tools.sessions.on") or nested ({"tools": {"sessions": ...}}): not judged here.
                    && f.GetText()?.ToString().Contains("sessions") == true))
                {
                    return;
                }
                // Keyed by declaration id, as the parser's specs name handlers.
                var readers = new ConcurrentDictionary<string, bool>();
                var mounts = new ConcurrentBag<(INamedTypeSymbol Root, string ScriptName, HashSet<string> Sections)>();
                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    if (method.Parameters.Any(p => Symbols.Is(p.Type as INamedTypeSymbol, known.Session)))
                    {
                        readers[DocumentationCommentId.CreateDeclarationId(method) ?? ""] = true;
                    }
                }, SymbolKind.Method);
                start.RegisterOperationAction(operationContext =>
                {
                    var reference = (IPropertyReferenceOperation)operationContext.Operation;
                    if (Symbols.Is(reference.Property.ContainingType, known.Request) && reference.Property.Name is "Session" or "RequiredSession"
                        && operationContext.ContainingSymbol is IMethodSymbol method)
                    {
                        readers[DocumentationCommentId.CreateDeclarationId(method) ?? ""] = true;
                    }
                }, OperationKind.PropertyReference);
                start.RegisterOperationAction(operationContext =>
                {
                    if (MapCherryCall.From((IInvocationOperation)operationContext.Operation, container) is { Root: INamedTypeSymbol root } call
                        && KnownConfiguration(call, options, operationContext.CancellationToken) is { } sections)
                    {
                        mounts.Add((root, call.ScriptName, sections));
                    }
                }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(end =>
                {
                    // Only a handler that reads the session is ever reported: with none, no tree needs planning.
                    if (readers.IsEmpty)
                    {
                        return;
                    }
                    var sessionsTool = TypeNames.Of(known.Sessions);
                    var noJson = new Dictionary<string, string>();
                    var reported = new HashSet<string>();
                    foreach (var (root, scriptName, sections) in mounts)
                    {
                        // The tree as the generator plans it: every handler at every position, with its tools from the root down.
                        var nodes = NodeParser.Parse(root, known, end.CancellationToken).ToDictionary(n => n.TypeName);
                        var tree = TreePlanner.Plan(new RootSpec(TypeNames.Of(root), root.Name, Construction: null), nodes, noJson)!;
                        foreach (var entry in tree.Entries)
                        {
                            if (entry.HandlerId is { } handler && readers.ContainsKey(handler) && !entry.Tools.Any(t => t.AttributeTypeName == sessionsTool)
                                && !Covered(entry.Path, sections) && reported.Add(handler))
                            {
                                var method = DocumentationCommentId.GetFirstSymbolForDeclarationId(handler, end.Compilation)!;
                                var full = scriptName == "/" ? entry.Path : scriptName + (entry.Path == "/" ? "/" : entry.Path);
                                end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SessionNotEnabled, method.Locations.FirstOrDefault(), method.Name, full));
                            }
                        }
                    }
                });
            });
        }

        private static bool Covered(string path, HashSet<string> sections) =>
            sections.Any(s => s == "/" || s == "global" || path == s || path.StartsWith(s + "/", StringComparison.Ordinal));

        /// <summary>
        /// The config sections that switch sessions on, from the MapCherry call's configure lambda; null when the
        /// lambda does something whose effect cannot be known here.
        /// </summary>
        private static HashSet<string>? KnownConfiguration(MapCherryCall mount, ImmutableArray<AdditionalText> files, System.Threading.CancellationToken cancellation)
        {
            var sections = new HashSet<string>(StringComparer.Ordinal);
            var configure = mount.Argument("configure");
            if (configure is null)
            {
                return sections;
            }
            if (configure is not IAnonymousFunctionOperation lambda)
            {
                return null;
            }
            foreach (var call in lambda.Body.Descendants().OfType<IInvocationOperation>())
            {
                var constants = call.Arguments.Select(a => a.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null).ToList();
                switch (call.TargetMethod.Name)
                {
                    case "Set" when constants.Count == 3 && constants[1] is { } key:
                        if (key != SessionsOn)
                        {
                            break;
                        }
                        if (constants[0] is not { } sessionSection || constants[2] is not { } value)
                        {
                            return null;
                        }
                        if (IsTrue(value))
                        {
                            sections.Add(Section(sessionSection));
                        }
                        break;
                    case "AddIniFile":
                        var names = MapCherryCall.IniFileNames(call).ToList();
                        var file = files.FirstOrDefault(f => names.Contains(Path.GetFileName(f.Path)));
                        if (file?.GetText(cancellation) is not { } text)
                        {
                            return null;
                        }
                        // The runtime's own reader: `key: value` and continuation lines count here as they do there.
                        foreach (var entry in IniLines.Read(new StringReader(text.ToString())))
                        {
                            if (entry.Problem is null && entry.Section is { } section && entry.Key == SessionsOn && IsTrue(entry.Value))
                            {
                                sections.Add(Section(section));
                            }
                        }
                        break;
                    case "Set":
                    case "Add":
                        return null;
                }
            }
            return sections;
        }

        private static string Section(string name) => name == ConfigGrammar.GlobalSection ? "/" : ConfigGrammar.TreePath("/" + name.Trim().Trim('/'));

        private static bool IsTrue(string value) => ConfigGrammar.TryParseBoolean(value, out var on) && on;
    }
}
