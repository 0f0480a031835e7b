using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Cherry.Generators.Parsing;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cherry.Analyzers
{
    /// <summary>
    /// What judging a configuration key needs to know of the app, gathered during one compilation for the analyzers that
    /// check config (files and <c>[Config]</c> attributes): the names of its own tools, and the options classes its
    /// declared namespaces bind (<c>options.ConfigNamespace&lt;T&gt;("db")</c>).
    /// </summary>
    internal sealed class AppConfigFacts
    {
        private readonly ConcurrentDictionary<string, ToolDeclaration?> _userTools = new ConcurrentDictionary<string, ToolDeclaration?>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, ConfigOptionsType> _typed = new ConcurrentDictionary<string, ConfigOptionsType>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _hooks = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private int _unreadableToolName;
        private int _unreadableHookName;

        private AppConfigFacts()
        {
        }

        /// <summary>Starts gathering; null when the compilation does not reference Cherry.</summary>
        public static AppConfigFacts? Register(CompilationStartAnalysisContext start)
        {
            if (start.Compilation.GetTypeByMetadataName("Cherry.Tool") is not { } toolType)
            {
                return null;
            }
            var facts = new AppConfigFacts();
            start.RegisterSyntaxNodeAction(context =>
            {
                var declaration = (PropertyDeclarationSyntax)context.Node;
                if (declaration.Identifier.ValueText != "Name"
                    || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { ContainingType: { } type }
                    || !TypeHierarchy.DerivesFrom(type, toolType))
                {
                    return;
                }
                if (ToolName(declaration, context.SemanticModel) is { } name)
                {
                    facts._userTools.TryAdd(name, null);
                }
                else
                {
                    System.Threading.Interlocked.Exchange(ref facts._unreadableToolName, 1);
                }
            }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.PropertyDeclaration);
            // A [ToolDeclaration] class declares its arguments: the generator's own parser reads them, so keys are judged as the tool binds them.
            start.RegisterSymbolAction(context =>
            {
                var type = (INamedTypeSymbol)context.Symbol;
                if (ToolDeclarationParser.Declared(type) is { } name)
                {
                    facts._userTools[name] = ToolDeclarationParser.Parse(type, context.Compilation, static (_, _) => { }) is { } spec
                        ? ToolDeclarationParser.ToCatalogEntry(spec)
                        : null;
                }
            }, SymbolKind.NamedType);
            start.RegisterOperationAction(context =>
            {
                var call = (IInvocationOperation)context.Operation;
                // options.Hooks.Register("name", ...): the bare hooks configuration's hooks.<point> may name.
                if (call.TargetMethod is { Name: "Register" } register && register.ContainingType?.ToDisplayString() == "Cherry.HookRegistry")
                {
                    if (call.Arguments.Length > 0 && call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string hook })
                    {
                        facts._hooks[hook] = true;
                    }
                    else
                    {
                        System.Threading.Interlocked.Exchange(ref facts._unreadableHookName, 1);
                    }
                }
                if (ConfigSymbols.Namespace(call.TargetMethod, i => i < call.Arguments.Length ? call.Arguments[i].Value.ConstantValue.Value : null) is var (name, type))
                {
                    facts._typed[name] = ConfigSymbols.OptionsType(type);
                }
            }, OperationKind.Invocation);
            return facts;
        }

        /// <summary>
        /// The app's own tools by name, at compilation end, each with its declaration when a <c>[ToolDeclaration]</c> class
        /// declares it; null when a name cannot be read, so that any tool name may be one.
        /// </summary>
        public IReadOnlyDictionary<string, ToolDeclaration?>? UserTools =>
            _unreadableToolName == 0 ? _userTools.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) : null;

        /// <summary>The bare hooks' names, at compilation end; null when one cannot be read, so that any name may be one.</summary>
        public ICollection<string>? Hooks => _unreadableHookName == 0 ? _hooks.Keys.ToList() : null;

        /// <summary>Everything gathered, read once at compilation end, to judge keys with.</summary>
        public Judge Gathered() => new Judge(UserTools, Typed, Hooks);

        /// <summary>The app's tools, typed namespaces and hooks as gathered: judges a key and its value (ConfigKeys).</summary>
        internal sealed class Judge
        {
            private readonly IReadOnlyDictionary<string, ToolDeclaration?>? _userTools;
            private readonly IReadOnlyDictionary<string, ConfigOptionsType> _typed;
            private readonly ICollection<string>? _hooks;

            public Judge(IReadOnlyDictionary<string, ToolDeclaration?>? userTools, IReadOnlyDictionary<string, ConfigOptionsType> typed, ICollection<string>? hooks)
            {
                _userTools = userTools;
                _typed = typed;
                _hooks = hooks;
            }

            public ConfigFinding? Check(string key, string? value) => ConfigKeys.Check(key, value, _userTools, _typed, _hooks);
        }

        /// <summary>The typed namespaces by name, at compilation end.</summary>
        public IReadOnlyDictionary<string, ConfigOptionsType> Typed => _typed.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        /// <summary>Reports a key's finding as CHERRY0018 or CHERRY0019 (each descriptor named, so the analyzer's table check sees both).
        /// A misspelt name carries its fix: the nearest known name in its place.</summary>
        public static void Report(CompilationAnalysisContext end, ConfigFinding finding, Location location, string section, string key)
        {
            var fix = finding is { Misspelt: { } misspelt, Nearest: { } nearest } ? ConfigFix.Replacing(misspelt, nearest) : null;
            end.ReportDiagnostic(finding.Problem == ConfigProblem.UnknownKey
                ? Diagnostic.Create(DiagnosticDescriptors.UnknownConfigurationKey, location, fix, section, key, finding.Message)
                : Diagnostic.Create(DiagnosticDescriptors.InvalidConfigurationValue, location, fix, section, key, finding.Message));
        }

        /// <summary>A tool class's configuration name when its <c>Name</c> is a constant the build can read; else null.</summary>
        private static string? ToolName(PropertyDeclarationSyntax declaration, SemanticModel model)
        {
            var expression = declaration.ExpressionBody?.Expression
                ?? declaration.AccessorList?.Accessors.FirstOrDefault(a => a.ExpressionBody is not null)?.ExpressionBody!.Expression;
            return expression is not null && model.GetConstantValue(expression) is { HasValue: true, Value: string name } ? name : null;
        }
    }
}
