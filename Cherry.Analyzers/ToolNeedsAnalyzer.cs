using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cherry.Generators.Model;
using Cherry.Generators.Parsing;
using Cherry.Generators.Planning;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0021: a tool switched on whose needs, as its catalog entry declares them, are not met where the build can
    /// see: the tool it needs on the same path (session_auth needs sessions), a required argument (a realm), or the
    /// keyed DI service its argument names (auth_basic's <c>CheckPassword</c> under the realm). Configuration is each
    /// mounted app's <see cref="MountConfiguration"/> folded at every path of its planned tree; attributes are judged
    /// where they are written. Start-up refuses the same tools, so this is a warning: a registration or a key the build
    /// cannot see (a library's extension method, an environment variable) may still meet the need.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ToolNeedsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ToolNeedNotMet);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var container = start.Compilation.GetTypeByMetadataName(WellKnownNames.MapCherryContainer);
                if (container is null)
                {
                    return;
                }
                var known = KnownTypes.For(start.Compilation);
                var needing = ToolCatalog.All.Where(t => t.Needs is not null || t.Service is not null || t.Arguments.Any(a => a.Required)).ToList();
                var services = needing.Where(t => t.Service is not null)
                    .Select(t => start.Compilation.GetTypeByMetadataName("Cherry." + t.Service!.TypeName))
                    .Where(t => t is not null).Select(t => t!).ToImmutableArray();
                var registrations = new ServiceRegistrations(services);
                var mounts = new ConcurrentBag<MapCherryCall>();
                var attributeKeys = new ConcurrentBag<(ToolDeclaration Tool, string Key, Location Location)>();
                var files = start.Options.AdditionalFiles;
                start.RegisterOperationAction(operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (MapCherryCall.From(invocation, container) is { Root: INamedTypeSymbol } call)
                    {
                        mounts.Add(call);
                    }
                    registrations.Record(invocation);
                }, OperationKind.Invocation);
                start.RegisterSymbolAction(symbolContext =>
                {
                    foreach (var attribute in symbolContext.Symbol.GetAttributes())
                    {
                        if (needing.FirstOrDefault(t => t.Service is not null && attribute.AttributeClass?.Name == t.Attribute) is { } tool
                            && tool.Service!.Keys.Select(k => attribute.NamedArguments.FirstOrDefault(a => a.Key == k.Property).Value.Value as string).FirstOrDefault(v => v is not null) is { } key
                            && attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation() is { } location)
                        {
                            attributeKeys.Add((tool, key, location));
                        }
                    }
                }, SymbolKind.NamedType, SymbolKind.Method);
                start.RegisterCompilationEndAction(end =>
                {
                    if (mounts.IsEmpty)
                    {
                        return;
                    }
                    var reported = new HashSet<Location>();
                    void Report(Location location, string message, string? addLine = null)
                    {
                        if (reported.Add(location))
                        {
                            var properties = addLine is not null && ConfigFix.InIniFile(location) ? ConfigFix.Adding(addLine) : ImmutableDictionary<string, string?>.Empty;
                            end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToolNeedNotMet, location, properties, message));
                        }
                    }
                    foreach (var (tool, key, location) in attributeKeys)
                    {
                        if (registrations.Lacks(tool.Service!.TypeName, key))
                        {
                            Report(location, MissingService(tool, key));
                        }
                    }
                    foreach (var mount in mounts)
                    {
                        var configuration = MountConfiguration.Read(mount, files, end.CancellationToken);
                        if (configuration.Keys.IsEmpty)
                        {
                            continue;
                        }
                        var root = (INamedTypeSymbol)mount.Root;
                        if (PlannedTrees.Of(end.Compilation, root, known, end.CancellationToken) is not { } tree)
                        {
                            continue;
                        }
                        // Only a tool that configuration switches on somewhere is judged here; attributes are judged where written.
                        var switchedOn = needing.Where(t => configuration.Sets($"tools.{t.Name}.on")).ToList();
                        if (switchedOn.Count == 0)
                        {
                            continue;
                        }
                        foreach (var (path, entry) in JudgedPaths(tree, configuration))
                        {
                            foreach (var tool in switchedOn)
                            {
                                if (configuration.At(path, $"tools.{tool.Name}.on") is not { IsKnown: true } on || !MountConfiguration.IsTrue(on.Value))
                                {
                                    continue;
                                }
                                var byAttribute = HasAttribute(entry, tool);
                                if (tool.Needs is { } needed && configuration.Complete && !IsOn(configuration, path, entry, ToolCatalog.Find(needed)!))
                                {
                                    Report(on.Location, $"{tool.Name} is on at {path}, but {needed} is not: {tool.Name} needs it on the same path. "
                                        + $"Add tools.{needed}.on = True to the section, or [{ToolCatalog.Find(needed)!.Attribute?.Replace("Attribute", "")}] to the class.",
                                        $"tools.{needed}.on = True");
                                }
                                foreach (var required in tool.Arguments.Where(a => a.Required && !byAttribute && configuration.At(path, $"tools.{tool.Name}.{a.Key}") is null))
                                {
                                    Report(on.Location, $"{tool.Name} is on at {path} without its {required.Key}: add tools.{tool.Name}.{required.Key}.");
                                }
                                if (tool.Service is { } service)
                                {
                                    // The first key argument configuration sets at the path names the key (checkpassword before realm).
                                    var configured = service.Keys.Select(k => configuration.At(path, $"tools.{tool.Name}.{k.Key}")).FirstOrDefault(c => c is not null);
                                    var key = configured is { IsKnown: true } ? configured.Value : configured is null && !byAttribute ? service.DefaultKey : null;
                                    if (key is not null && registrations.Lacks(service.TypeName, key))
                                    {
                                        Report(configured?.Location ?? on.Location, MissingService(tool, key));
                                    }
                                }
                            }
                        }
                    }
                });
            });
        }

        /// <summary>Each path of the tree a section's keys reach: the handlers' paths, and the sections' own (below a handler that takes the rest).</summary>
        private static IEnumerable<(string Path, EntrySpec? Entry)> JudgedPaths(TreeSpec tree, MountConfiguration configuration)
        {
            var paths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in tree.Entries.Where(e => e.HandlerId is not null))
            {
                if (paths.Add(entry.Path))
                {
                    yield return (entry.Path, entry);
                }
            }
            foreach (var section in configuration.Keys.Select(k => k.TreePath))
            {
                if (paths.Add(section))
                {
                    // The handler that serves the section: the deepest one at or above it.
                    yield return (section, tree.Entries.Where(e => e.HandlerId is not null && MountConfiguration.Encloses(e.Path, section))
                        .OrderByDescending(e => e.Path.Length).FirstOrDefault());
                }
            }
        }

        private static bool IsOn(MountConfiguration configuration, string path, EntrySpec? entry, ToolDeclaration tool) =>
            configuration.At(path, $"tools.{tool.Name}.on") is { } configured
                ? !configured.IsKnown || MountConfiguration.IsTrue(configured.Value)
                : HasAttribute(entry, tool);

        private static bool HasAttribute(EntrySpec? entry, ToolDeclaration tool) =>
            entry is not null && entry.Tools.Any(t => t.ToolName == tool.Name);

        private static string MissingService(ToolDeclaration tool, string key) =>
            $"{tool.Name} resolves the {tool.Service!.TypeName} registered under '{key}' at start-up, and the build sees none: "
            + $"add builder.Services.AddKeyedSingleton<{tool.Service.TypeName}>(\"{key}\", ...).";

        /// <summary>
        /// The keyed registrations of the services tools need, as the build sees them: <c>AddKeyedSingleton&lt;T&gt;(key, ...)</c>
        /// and its kin with a constant key. A registration with a computed key could be any key, so its service is not judged.
        /// </summary>
        private sealed class ServiceRegistrations
        {
            private readonly ImmutableArray<INamedTypeSymbol> _services;
            private readonly ConcurrentDictionary<(string Service, string Key), bool> _keys = new();
            private readonly ConcurrentDictionary<string, bool> _anyKey = new(StringComparer.Ordinal);

            public ServiceRegistrations(ImmutableArray<INamedTypeSymbol> services) => _services = services;

            public void Record(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if (method.Name.IndexOf("Keyed", StringComparison.Ordinal) < 0)
                {
                    return;
                }
                var service = _services.FirstOrDefault(s => method.TypeArguments.Any(t => Symbols.Is(t as INamedTypeSymbol, s))
                    || invocation.Arguments.Any(a => a.Value is ITypeOfOperation typeOf && Symbols.Is(typeOf.TypeOperand as INamedTypeSymbol, s)));
                if (service is null)
                {
                    return;
                }
                // The key parameter is an object, so a string constant arrives boxed.
                var key = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "serviceKey")?.Value is { } argument ? Symbols.WithoutConversions(argument) : null;
                if (key?.ConstantValue is { HasValue: true, Value: string text })
                {
                    _keys[(service.Name, text)] = true;
                }
                else
                {
                    _anyKey[service.Name] = true;
                }
            }

            /// <summary>Whether no registration the build sees could be the one <paramref name="service"/> resolves under <paramref name="key"/>.</summary>
            public bool Lacks(string service, string key) => !_anyKey.ContainsKey(service) && !_keys.ContainsKey((service, key));
        }
    }
}
