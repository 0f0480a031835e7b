using System;
using System.Collections.Immutable;
using System.Linq;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers
{
    /// <summary>
    /// Checks the arguments of the built-in tool attributes that would only fail, or silently misbehave, at run time:
    /// CHERRY0008 (a value out of range, a referer pattern that is not a regex, an unknown method, an absolute
    /// staticdir beside a root), CHERRY0009 (auth without a realm), CHERRY0010 (digest without a key).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ToolArgumentAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.InvalidToolArgument, DiagnosticDescriptors.MissingRealm, DiagnosticDescriptors.MissingDigestKey);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var toolAttribute = start.Compilation.GetTypeByMetadataName("Cherry.ToolAttribute");
                if (toolAttribute is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    foreach (var attribute in symbolContext.Symbol.GetAttributes())
                    {
                        if (attribute.AttributeClass is { } type && Symbols.DerivesFrom(type, toolAttribute)
                            && type.ContainingNamespace?.ToDisplayString() == "Cherry")
                        {
                            Check(symbolContext, attribute, type.Name);
                        }
                    }
                }, SymbolKind.Method, SymbolKind.NamedType);
            });
        }

        private static void Check(SymbolAnalysisContext context, AttributeData attribute, string typeName)
        {
            void Report(DiagnosticDescriptor descriptor, params object[] arguments) =>
                context.ReportDiagnostic(Diagnostic.Create(descriptor, Symbols.LocationOf(attribute, context.Symbol), arguments));
            object? Named(string name) => attribute.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value;
            string? Constructor(int index) => attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;

            void Invalid(string tool, string? problem)
            {
                if (problem is not null)
                {
                    Report(DiagnosticDescriptors.InvalidToolArgument, tool, problem);
                }
            }

            switch (typeName)
            {
                case "CachingAttribute":
                    if (Named("Delay") is int delay)
                    {
                        Invalid("Caching", ToolRules.CachingDelay(delay));
                    }
                    if (Named("AntiStampedeTimeout") is int timeout)
                    {
                        Invalid("Caching", ToolRules.AntiStampedeTimeout(timeout));
                    }
                    break;
                case "ExpiresAttribute":
                    if (Named("Secs") is int secs)
                    {
                        Invalid("Expires", ToolRules.ExpiresSeconds(secs));
                    }
                    break;
                case "RefererAttribute":
                    if (Constructor(0) is { } pattern)
                    {
                        Invalid("Referer", ToolRules.RefererPattern(pattern));
                    }
                    break;
                case "AllowAttribute":
                    var methods = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                        ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string)
                        : attribute.ConstructorArguments.Select(v => v.Value as string);
                    foreach (var method in methods)
                    {
                        Invalid("Allow", ToolRules.AllowedMethod(method));
                    }
                    break;
                case "StaticDirAttribute":
                case "StaticFileAttribute":
                    if (Constructor(0) is { } path)
                    {
                        Invalid(typeName.Substring(0, typeName.Length - "Attribute".Length), ToolRules.StaticPathBesideRoot(path, Named("Root") as string));
                    }
                    break;
                case "AuthBasicAttribute":
                    if (Named("Realm") is not string { Length: > 0 })
                    {
                        Report(DiagnosticDescriptors.MissingRealm, "AuthBasic");
                    }
                    break;
                case "AuthDigestAttribute":
                    if (Named("Realm") is not string { Length: > 0 })
                    {
                        Report(DiagnosticDescriptors.MissingRealm, "AuthDigest");
                    }
                    if (ToolRules.DigestKey(Named("Key") as string) is not null)
                    {
                        Report(DiagnosticDescriptors.MissingDigestKey);
                    }
                    break;
            }
        }
    }
}
