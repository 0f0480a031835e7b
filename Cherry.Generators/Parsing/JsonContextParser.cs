using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Parsing
{
    /// <summary>Reads <c>[JsonSerializable(typeof(T))]</c> on source-generated JSON contexts, so JSON handlers find their metadata.</summary>
    internal static class JsonContextParser
    {
        public static EquatableArray<JsonTypeSpec> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
        {
            if (context.TargetSymbol is not INamedTypeSymbol contextType || !DerivesFromContext(contextType))
            {
                return EquatableArray<JsonTypeSpec>.Empty;
            }
            var contextName = TypeNames.Of(contextType);
            var listed = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var attribute in context.Attributes)
            {
                if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol serialized)
                {
                    listed.Add(serialized);
                }
            }
            // The types the listed ones reach have metadata in this context too (the analyzer's CHERRY0007 rule).
            var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var type in listed)
            {
                cancellation.ThrowIfCancellationRequested();
                JsonCoverage.Cover(type, covered);
            }
            return covered.Select(type => new JsonTypeSpec(contextName, TypeNames.Of(type), !listed.Contains(type))).ToEquatableArray();
        }

        private static bool DerivesFromContext(INamedTypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == WellKnownNames.JsonSerializerContext)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
