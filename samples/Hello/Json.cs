using System.Text.Json.Serialization;

namespace Hello;

public sealed record Answer(int Value, string[] Words);

public sealed record Greeting(string Text, int Times);

[JsonSerializable(typeof(Answer))]
[JsonSerializable(typeof(Greeting))]
// A body without a constructor parameter, or with null for a non-nullable one, is a 400 naming the member
// instead of a null reaching the handler.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
internal sealed partial class HelloJsonContext : JsonSerializerContext;
