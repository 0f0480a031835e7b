using System.Linq;
using System.Threading;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cherry.Generators.Parsing
{
    /// <summary>
    /// <c>options.ConfigNamespace&lt;T&gt;("db")</c> calls → the options class and the properties its binder sets, the same
    /// properties the analyzers check keys against (<see cref="ConfigSymbols.SettableProperties"/>).
    /// </summary>
    internal static class ConfigNamespaceParser
    {
        public static bool IsCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: ConfigSymbols.ConfigNamespaceMethod } } };

        public static ConfigNamespaceSpec? Parse(GeneratorSyntaxContext context, CancellationToken cancellation)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (context.SemanticModel.GetSymbolInfo(invocation, cancellation).Symbol is not IMethodSymbol method
                || ConfigSymbols.Namespace(method, i => i < invocation.ArgumentList.Arguments.Count
                    ? context.SemanticModel.GetConstantValue(invocation.ArgumentList.Arguments[i].Expression, cancellation).Value
                    : null) is not var (_, type))
            {
                return null;
            }
            return new ConfigNamespaceSpec(TypeNames.Of(type), ConfigSymbols.SettableProperties(type).Reverse()
                .Select(p => new OptionPropertySpec(p.Property.Name, TypeNames.Of(p.Property.Type), ConfigSymbols.EnumNames(p.Property.Type)?.ToEquatableArray()))
                .ToEquatableArray());
        }
    }
}
