using System.Text.Json.Serialization;

namespace Cherry.Integration.Tests.App;

/// <summary>Errors of [JsonOut] handlers and of plain ones, for problem+json (RFC 9457) against the HTML page.</summary>
public sealed class ProblemRoot
{
    public ProblemGadgets Gadgets { get; } = new();

    [Exposed, JsonOut]
    public Gadget Missing() => throw new HttpError(404, "There is no gadget 'sprocket'.");

    [Exposed, JsonOut]
    public Gadget Taken() => throw new HttpError(409, "The name is taken.") { ProblemType = "https://example.test/problems/taken" };

    [Exposed, JsonOut]
    public Gadget Broken() => throw new InvalidOperationException("a secret the client must not see");

    [Exposed, JsonOut]
    public Gadget Create([JsonBody] NewGadget gadget) => new(gadget.Name, gadget.Size);

    [Exposed, JsonOut]
    public Gadget Sized(int size) => new("sized", size);

    [Exposed]
    public string Page() => throw new HttpError(404, "No such page.");
}

/// <summary>A [Rest] resource that is [JsonOut] as a whole: its 405 is a problem document too.</summary>
[Rest, JsonOut]
public sealed class ProblemGadgets
{
    public Gadget Get() => new("any", 1);
}

public sealed record Gadget(string Name, int Size);

public sealed class NewGadget
{
    public required string Name { get; init; }

    [JsonRequired]
    public int Size { get; init; }

    public string? Colour { get; init; }
}

[JsonSerializable(typeof(Gadget))]
[JsonSerializable(typeof(NewGadget))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ProblemJsonContext : JsonSerializerContext;
