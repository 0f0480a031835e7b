using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// switches sessions on. Configuration is the app's <see cref="MountConfiguration"/>, folded at the handler's path
    /// as start-up folds it (appsettings, the INI files passed as AdditionalFiles, constant <c>Set</c> calls); an app
    /// whose configuration the build cannot read whole (a file it does not have, a computed key, <c>Add(config)</c>) is not judged.
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
                var files = start.Options.AdditionalFiles;
                // Keyed by declaration id, as the parser's specs name handlers.
                var readers = new ConcurrentDictionary<string, bool>();
                var mounts = new ConcurrentBag<MapCherryCall>();
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
                    if (MapCherryCall.From((IInvocationOperation)operationContext.Operation, container) is { Root: INamedTypeSymbol } call)
                    {
                        mounts.Add(call);
                    }
                }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(end =>
                {
                    // Only a handler that reads the session is ever reported: with none, no tree needs planning.
                    if (readers.IsEmpty)
                    {
                        return;
                    }
                    var reported = new HashSet<string>();
                    foreach (var mount in mounts)
                    {
                        var configuration = MountConfiguration.Read(mount, files, end.CancellationToken);
                        if (!configuration.Complete)
                        {
                            continue;
                        }
                        var (root, scriptName) = ((INamedTypeSymbol)mount.Root, mount.ScriptName);
                        // The tree as the generator plans it: every handler at every position, with its tools from the root down.
                        if (PlannedTrees.Of(end.Compilation, root, known, end.CancellationToken) is not { } tree)
                        {
                            continue;
                        }
                        foreach (var entry in tree.Entries)
                        {
                            if (entry.HandlerId is { } handler && readers.ContainsKey(handler) && !SessionsAreOn(entry, configuration)
                                && reported.Add(handler))
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

        /// <summary>Whether sessions are on at <paramref name="entry"/>'s path: configuration in force there wins over the attributes.</summary>
        private static bool SessionsAreOn(EntrySpec entry, MountConfiguration configuration) =>
            configuration.At(entry.Path, SessionsOn) is { } configured
                ? !configured.IsKnown || MountConfiguration.IsTrue(configured.Value)
                : entry.Tools.Any(t => t.ToolName == ToolCatalog.Sessions.Name);
    }
}
