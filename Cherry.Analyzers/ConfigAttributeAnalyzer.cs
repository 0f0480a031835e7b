using System.Collections.Concurrent;
using System.Collections.Immutable;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0018/0019 on <c>[Config(key, value)]</c> attributes: the key and its value (as the plain text the generator
    /// emits) judged by the same rules as a config file's (<see cref="ConfigKeys"/>), reported on the key or the value
    /// argument. At compilation end, when the app's own tools and typed namespaces are known.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigAttributeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnknownConfigurationKey, DiagnosticDescriptors.InvalidConfigurationValue);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (start.Compilation.GetTypeByMetadataName(ConfigSymbols.ConfigAttribute) is null || AppConfigFacts.Register(start) is not { } facts)
                {
                    return;
                }
                var written = new ConcurrentBag<(string Owner, AttributeData Attribute)>();
                start.RegisterSymbolAction(symbolContext =>
                {
                    var symbol = symbolContext.Symbol;
                    foreach (var attribute in symbol.GetAttributes())
                    {
                        if (ConfigSymbols.Read(attribute) is not null)
                        {
                            written.Add((symbol is IMethodSymbol method ? method.ContainingType.Name + "." + method.Name : symbol.Name, attribute));
                        }
                    }
                }, SymbolKind.NamedType, SymbolKind.Method);
                start.RegisterCompilationEndAction(end =>
                {
                    var (toolNames, typed) = (facts.UserTools, facts.Typed);
                    foreach (var (owner, attribute) in written)
                    {
                        var (key, value) = ConfigSymbols.Read(attribute)!.Value;
                        if (Finding(key, value, toolNames, typed) is { } finding)
                        {
                            var arguments = (attribute.ApplicationSyntaxReference?.GetSyntax(end.CancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments;
                            var argument = arguments is { Count: 2 } both ? both[finding.Problem == ConfigProblem.UnknownKey ? 0 : 1] : null;
                            var location = argument?.GetLocation() ?? attribute.ApplicationSyntaxReference?.GetSyntax(end.CancellationToken).GetLocation() ?? Location.None;
                            AppConfigFacts.Report(end, finding, location, "Config on " + owner, key);
                        }
                    }
                });
            });
        }

        /// <summary>A config file's findings, and what a <c>[Config]</c> entry cannot be besides (start-up refuses the same).</summary>
        private static ConfigFinding? Finding(string key, string? value, System.Collections.Generic.ICollection<string>? toolNames,
            System.Collections.Generic.IReadOnlyDictionary<string, ConfigOptionsType> typed)
        {
            if (ConfigGrammar.CodeEntryProblem(key, value, out var ofKey) is { } problem)
            {
                return new ConfigFinding(ofKey ? ConfigProblem.UnknownKey : ConfigProblem.InvalidValue, problem);
            }
            return ConfigKeys.Check(key, value, toolNames, typed);
        }
    }
}
