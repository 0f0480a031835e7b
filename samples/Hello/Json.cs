using System.Text.Json.Serialization;

namespace Hello;

public sealed record Answer(int Value, string[] Words);

public sealed record Greeting(string Text, int Times);

[JsonSerializable(typeof(Answer))]
[JsonSerializable(typeof(Greeting))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class HelloJsonContext : JsonSerializerContext;
