using System.Text.Json.Serialization;
using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_params: <c>tools.params</c> converts arguments by their annotations (<c>limit: int</c>). Cherry converts
/// every parameter by its C# type, always: <c>int? limit</c> is the annotated, optional argument. The handler answers
/// with the Python type name of what it received, as the Python one does.
/// </summary>
public static class Params
{
    public static void Map(WebApplication app) => app.MapCherry<Root>("/");

    public sealed class Root
    {
        [Exposed, JsonOut]
        public string Resource(int? limit = null, string? sort = null) => limit is null ? "NoneType" : "int";
    }
}

[JsonSerializable(typeof(string))]
internal sealed partial class ParamsJsonContext : JsonSerializerContext;
