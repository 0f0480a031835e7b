using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
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
        private static readonly string[] HttpMethods = { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT" };

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

            switch (typeName)
            {
                case "CachingAttribute":
                    if (Named("Delay") is int delay && delay <= 0)
                    {
                        Report(DiagnosticDescriptors.InvalidToolArgument, "Caching", $"Delay must be at least 1 second (it is {delay}): an entry that expires at once is never served");
                    }
                    if (Named("AntiStampedeTimeout") is int timeout && timeout < 0)
                    {
                        Report(DiagnosticDescriptors.InvalidToolArgument, "Caching", $"AntiStampedeTimeout cannot be negative (it is {timeout})");
                    }
                    break;
                case "ExpiresAttribute":
                    if (Named("Secs") is int secs && secs < 0)
                    {
                        Report(DiagnosticDescriptors.InvalidToolArgument, "Expires", $"Secs cannot be negative (it is {secs}); use 0 with Force = true to forbid caching");
                    }
                    break;
                case "RefererAttribute":
                    if (Constructor(0) is { } pattern && RegexError(pattern) is { } error)
                    {
                        Report(DiagnosticDescriptors.InvalidToolArgument, "Referer", $"the pattern '{pattern}' is not a valid regular expression: {error}");
                    }
                    break;
                case "AllowAttribute":
                    var methods = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                        ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string)
                        : attribute.ConstructorArguments.Select(v => v.Value as string);
                    foreach (var method in methods.Where(m => m is null || !HttpMethods.Contains(m.ToUpperInvariant())))
                    {
                        Report(DiagnosticDescriptors.InvalidToolArgument, "Allow", $"'{method}' is not an HTTP method ({string.Join(", ", HttpMethods)})");
                    }
                    break;
                case "StaticDirAttribute":
                case "StaticFileAttribute":
                    if (Constructor(0) is { } path && IsAbsolute(path) && Named("Root") is string root && root.Length > 0)
                    {
                        Report(DiagnosticDescriptors.InvalidToolArgument, typeName.Substring(0, typeName.Length - "Attribute".Length),
                            $"'{path}' is absolute, so Root '{root}' is ignored; make the path relative or drop Root");
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
                    if (Named("Key") is not string { Length: > 0 })
                    {
                        Report(DiagnosticDescriptors.MissingDigestKey);
                    }
                    break;
            }
        }

        private static string? RegexError(string pattern)
        {
            try
            {
                _ = new Regex(pattern);
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }

        private static bool IsAbsolute(string path) =>
            path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal)
            || (path.Length > 2 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'));
    }
}
