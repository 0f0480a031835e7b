using System.Collections.Generic;
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
            var specs = new List<JsonTypeSpec>();
            foreach (var attribute in context.Attributes)
            {
                cancellation.ThrowIfCancellationRequested();
                if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol serialized)
                {
                    specs.Add(new JsonTypeSpec(TypeNames.Of(contextType), TypeNames.Of(serialized)));
                }
            }
            return specs.ToEquatableArray();
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
