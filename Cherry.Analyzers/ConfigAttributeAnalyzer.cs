using System.Collections.Concurrent;
using System.Collections.Immutable;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cherry.Analyzers
{
    /// <summary>
    /// CHERRY0018/0019 on configuration written in C#: <c>[Config(key, value)]</c> attributes, and <c>Set(section, key,
    /// value)</c> calls of <c>CherryConfig</c> and <c>CherryAppOptions</c> whose key is a constant. The key and its value
    /// (as the plain text the generator emits, or the constant passed) are judged by the same rules as a config file's
    /// (<see cref="ConfigKeys"/>), reported on the key or the value argument. At compilation end, when the app's own tools
    /// and typed namespaces are known.
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
                var setCalls = new ConcurrentBag<(string Section, string Key, string? Value, IInvocationOperation Call)>();
                start.RegisterOperationAction(operationContext =>
                {
                    var call = (IInvocationOperation)operationContext.Operation;
                    if (call.TargetMethod is { Name: "Set", ContainingType: { ContainingNamespace.Name: "Cherry", Name: "CherryConfig" or "CherryAppOptions" } }
                        && call.Arguments.Length == 3
                        && Symbols.WithoutConversions(call.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string section }
                        && Symbols.WithoutConversions(call.Arguments[1].Value).ConstantValue is { HasValue: true, Value: string key }
                        && Symbols.WithoutConversions(call.Arguments[2].Value).ConstantValue is { HasValue: true } value)
                    {
                        setCalls.Add((section, key, value.Value as string, call));
                    }
                }, OperationKind.Invocation);
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
                    var judge = facts.Gathered();
                    foreach (var (owner, attribute) in written)
                    {
                        var (key, value) = ConfigSymbols.Read(attribute)!.Value;
                        if (Finding(key, value, judge) is { } finding)
                        {
                            var arguments = (attribute.ApplicationSyntaxReference?.GetSyntax(end.CancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments;
                            var argument = arguments is { Count: 2 } both ? both[finding.Problem == ConfigProblem.UnknownKey ? 0 : 1] : null;
                            var location = argument?.GetLocation() ?? attribute.ApplicationSyntaxReference?.GetSyntax(end.CancellationToken).GetLocation() ?? Location.None;
                            AppConfigFacts.Report(end, finding, location, "Config on " + owner, key);
                        }
                    }
                    foreach (var (section, key, value, call) in setCalls)
                    {
                        // Outside INI files values are plain: the quotes of 'admin' would reach the realm (CherryConfig.Set refuses it).
                        var finding = value is not null && ConfigGrammar.IsIniLiteral(value, out var plain)
                            ? ConfigFinding.QuotedAsInIni(value, plain)
                            : judge.Check(key, value);
                        if (finding is not null)
                        {
                            var location = call.Arguments[finding.Problem == ConfigProblem.UnknownKey ? 1 : 2].Syntax.GetLocation();
                            AppConfigFacts.Report(end, finding, location, section, key);
                        }
                    }
                });
            });
        }

        /// <summary>A config file's findings, and what a <c>[Config]</c> entry cannot be besides (start-up refuses the same).</summary>
        private static ConfigFinding? Finding(string key, string? value, AppConfigFacts.Judge judge)
        {
            if (ConfigGrammar.CodeEntryProblem(key, value, out var ofKey) is { } problem)
            {
                return new ConfigFinding(ofKey ? ConfigProblem.UnknownKey : ConfigProblem.InvalidValue, problem);
            }
            return judge.Check(key, value);
        }
    }
}
