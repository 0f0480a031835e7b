using System.Text.Json.Serialization;

namespace Cherry.Integration.Tests.App;

/// <summary>
/// A [JsonOut] result that its context does not list but reaches through a listed type's property: STJ generates
/// its metadata, the analyzer counts it covered, so the generated tree must find it there too.
/// </summary>
public sealed class ReachedJsonRoot
{
    [Exposed, JsonOut]
    public Book Index() => new("Dune", 412);
}

public sealed record Shelf(string Name, Book Top);

public sealed record Book(string Title, int Pages);

[JsonSerializable(typeof(Shelf))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ShelfJsonContext : JsonSerializerContext;
