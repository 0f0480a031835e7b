using System.Text.Json.Serialization;

namespace Cherry.Integration.Tests.App;

/// <summary>
/// Handlers whose chains hold only the default tools (and response_headers), which take the specialised path, beside
/// ones with another tool, which do not: PlainChainTests holds each answer to the generic path's.
/// </summary>
public sealed class PlainRoot
{
    public PlainDirectory Dir { get; } = new();

    [Exposed]
    public string Index() => "index";

    /// <summary>Text with a query parameter, so the query string and surplus arguments are exercised.</summary>
    [Exposed]
    public string Text(string? name = null) => "hello " + name;

    /// <summary>CherryBench's plaintext handler, with a constant header beyond Content-Type that needs encoding.</summary>
    [Exposed, ResponseHeaders("Content-Type", "text/plain", "X-Constant", "d\u00f6g")]
    public string Typed() => "typed caf\u00e9";

    [Exposed, JsonOut]
    public PlainMessage Json() => new("caf\u00e9");

    /// <summary>Text that only some charsets carry, so Accept-Charset chooses the bytes or the 406.</summary>
    [Exposed]
    public string Cafe() => "caf\u00e9 \u20ac";

    /// <summary>A lone surrogate: no charset carries it.</summary>
    [Exposed]
    public string Surrogate() => "bad \uD800";

    /// <summary>A Content-Type with its own charset, which encode takes instead of negotiating.</summary>
    [Exposed]
    public string Declared(Response response)
    {
        response.ContentType = "text/csv;charset=iso-8859-1";
        return "caf\u00e9";
    }

    /// <summary>Text in the type the caller names: one encode tool joins each type with its charset.</summary>
    [Exposed]
    public string Shaped(Response response, string type)
    {
        response.ContentType = type;
        return "caf\u00e9";
    }

    [Exposed]
    public byte[] Bytes() => [0, 1, 2, 255];

    [Exposed]
    public string Fails() => throw new InvalidOperationException("boom");

    [Exposed]
    public string Missing() => throw new HttpError(404, "Not here.");

    [Exposed]
    public string Moved() => throw new HttpRedirect("/text");

    [Exposed]
    public string Status(Response response)
    {
        response.Status = "299 Custom";
        return "custom";
    }

    [Exposed, Gzip]
    public string Zipped() => "zipped";
}

public sealed class PlainDirectory
{
    [Exposed]
    public string Index() => "directory";

    [Exposed]
    public string Leaf() => "leaf";
}

public sealed record PlainMessage(string Text);

[JsonSerializable(typeof(PlainMessage))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class PlainJsonContext : JsonSerializerContext;
