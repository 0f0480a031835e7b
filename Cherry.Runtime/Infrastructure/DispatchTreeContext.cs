using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;

namespace Cherry.Infrastructure;

/// <summary>What a generated tree needs from the host while it is built at start-up.</summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DispatchTreeContext(IReadOnlyList<IJsonTypeInfoResolver> registeredResolvers)
{
    /// <summary>
    /// JSON metadata for <typeparamref name="T"/>: from the context the generator found in the compilation,
    /// else from a registered resolver; start-up fails when neither has it.
    /// </summary>
    public JsonTypeInfo<T> Json<T>(IJsonTypeInfoResolver? discovered)
    {
        if (discovered is System.Text.Json.Serialization.JsonSerializerContext context
            && context.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> fromContext)
        {
            return fromContext;
        }
        foreach (var resolver in registeredResolvers)
        {
            // Options bound to the resolver give metadata that is configured and locked, ready to serialize with.
            var options = (resolver as System.Text.Json.Serialization.JsonSerializerContext)?.Options
                ?? new System.Text.Json.JsonSerializerOptions { TypeInfoResolver = resolver };
            if (options.TryGetTypeInfo(typeof(T), out var info) && info is JsonTypeInfo<T> typed)
            {
                return typed;
            }
        }
        throw new InvalidOperationException(
            $"No JSON metadata for {typeof(T).FullName}: add [JsonSerializable(typeof({typeof(T).Name}))] to a JsonSerializerContext, "
            + "or register one with AddCherry(o => o.JsonResolvers.Add(...)).");
    }
}
