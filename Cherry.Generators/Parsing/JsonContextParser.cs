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
        public static EquatableArray<JsonTypeSpec> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellation) =>
            context.TargetSymbol is INamedTypeSymbol contextType ? Parse(contextType, context.Attributes, cancellation) : EquatableArray<JsonTypeSpec>.Empty;

        /// <summary>
        /// Every type <paramref name="contextType"/> has metadata for: those its <c>[JsonSerializable]</c> attributes list,
        /// and those the listed ones reach through properties (<see cref="JsonCoverage"/>). The generator's JSON table and
        /// the analyzer's CHERRY0007 both read this.
        /// </summary>
        public static EquatableArray<JsonTypeSpec> Parse(INamedTypeSymbol contextType, IEnumerable<AttributeData> serializable, CancellationToken cancellation)
        {
            if (!DerivesFromContext(contextType))
            {
                return EquatableArray<JsonTypeSpec>.Empty;
            }
            var contextName = TypeNames.Of(contextType);
            var listed = Listed(serializable);
            return Covered(listed, cancellation).Select(type => new JsonTypeSpec(contextName, TypeNames.JsonKey(type), !listed.Contains(type))).ToEquatableArray();
        }

        /// <summary>
        /// The JSON Schema of every type <see cref="Parse(INamedTypeSymbol, IEnumerable{AttributeData}, CancellationToken)"/>
        /// finds, as this context writes it (its naming policy and enum form), for the OpenAPI document.
        /// </summary>
        public static EquatableArray<JsonSchemaTypeSpec> ParseSchemas(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
        {
            if (context.TargetSymbol is not INamedTypeSymbol contextType || !DerivesFromContext(contextType))
            {
                return EquatableArray<JsonSchemaTypeSpec>.Empty;
            }
            var schemas = SchemaParser.ForContext(contextType);
            var contextName = TypeNames.Of(contextType);
            return Covered(Listed(context.Attributes), cancellation).Select(type => new JsonSchemaTypeSpec(contextName, TypeNames.JsonKey(type), SchemaParser.ComponentName(type), schemas.Define(type)))
                .ToEquatableArray();
        }

        private static HashSet<ITypeSymbol> Listed(IEnumerable<AttributeData> serializable)
        {
            var listed = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var attribute in serializable)
            {
                if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol serialized)
                {
                    listed.Add(serialized);
                }
            }
            return listed;
        }

        private static HashSet<ITypeSymbol> Covered(HashSet<ITypeSymbol> listed, CancellationToken cancellation)
        {
            var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var type in listed)
            {
                cancellation.ThrowIfCancellationRequested();
                JsonCoverage.Cover(type, covered);
            }
            return covered;
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
