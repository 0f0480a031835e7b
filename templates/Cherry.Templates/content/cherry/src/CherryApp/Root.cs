using System.Text.Json.Serialization;
using Cherry;

namespace CherryApp;

/// <summary>
/// The site: each public method marked [Exposed] answers the URL of its name, each public property whose class has
/// exposed methods is a sub-tree. The tree is built at compile time by Cherry's source generator.
/// </summary>
public sealed class Root
{
    /// <summary>/api/...</summary>
    public Api Api { get; } = new();

    /// <summary><c>GET /</c> and <c>GET /?name=Ada</c>.</summary>
    [Exposed]
    public string Index(string name = "world") => $"Hello {name}! The JSON endpoint is /api/greeting, the files are below /static/.";
}

/// <summary>JSON endpoints.</summary>
public sealed class Api
{
    /// <summary><c>GET /api/greeting?name=Ada</c> answers <c>{"message":"Hello, Ada!","length":3}</c>.</summary>
    [Exposed, JsonOut]
    public Greeting Greeting(string name = "world") => new($"Hello, {name}!", name.Length);
}

public sealed record Greeting(string Message, int Length);

/// <summary>
/// System.Text.Json's source-generated serializers (no reflection, so native AOT works): every type a [JsonOut]
/// method returns or a [JsonIn] method takes needs a [JsonSerializable] line here.
/// </summary>
[JsonSerializable(typeof(Greeting))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class AppJsonContext : JsonSerializerContext;
