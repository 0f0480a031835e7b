using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cherry;

namespace CherryPySuite.Apps;

/// <summary>test_json: json_out and json_in per handler, and json_out under the caching tool.</summary>
public static class Json
{
    public static void Map(WebApplication app) => app.MapCherry<Root>("/");

    public sealed class Root
    {
        [Exposed]
        public string Plain() => "hello";

        [Exposed, JsonOut]
        public string JsonString() => "hello";

        // ['a', 'b', 42]: a list of mixed types, as a JSON array node.
        [Exposed, JsonOut]
        public JsonArray JsonList() => new("a", "b", 42);

        [Exposed, JsonOut]
        public Dictionary<string, int> JsonDict() => new() { ["answer"] = 42 };

        [Exposed, JsonIn]
        public string JsonPost(Request request) =>
            request.Json is { ValueKind: JsonValueKind.Array } body
            && body.GetArrayLength() == 2
            && body[0] is { ValueKind: JsonValueKind.Number } first && first.TryGetInt32(out var n) && n == 13
            && body[1] is { ValueKind: JsonValueKind.String } second && second.GetString() == "c"
                ? "ok"
                : "nok";

        [Exposed, JsonOut, Caching]
        public string JsonCached() => "hello there";
    }
}

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class JsonSuiteContext : JsonSerializerContext;
