using System.Globalization;
using System.Text.Json.Serialization;

namespace Cherry.Integration.Tests.App;

/// <summary>Session values that are not strings, written on one request and read on the next.</summary>
public sealed class TypedSessionRoot
{
    [Exposed]
    public string Write(Session session)
    {
        session.Set("n", 42);
        session.Set("big", 1L << 40);
        session.Set("ratio", 0.25);
        session.Set("flag", true);
        session["nothing"] = null;
        session["text"] = "ü \"quoted\" <b>";
        session.Set("cart", new TypedCart(["apple", "pear"], 3), TypedSessionJson.Default.TypedCart);
        session.Set("tags", ["x", "y"], TypedSessionJson.Default.StringArray);
        return "written";
    }

    [Exposed]
    public string Read(Session session)
    {
        var cart = session.Get("cart", TypedSessionJson.Default.TypedCart);
        return string.Join('|',
            session.GetInt32("n", -1).ToString(CultureInfo.InvariantCulture),
            session.GetInt64("big").ToString(CultureInfo.InvariantCulture),
            session.GetDouble("ratio").ToString(CultureInfo.InvariantCulture),
            session.GetBoolean("flag").ToString(),
            $"none={session.IsNone("nothing")} has={session.ContainsKey("nothing")} absent={session.ContainsKey("absent")} value={session["nothing"] ?? "null"}",
            session["text"],
            cart is null ? "no cart" : string.Join(',', cart.Items) + " x" + cart.Count.ToString(CultureInfo.InvariantCulture),
            string.Join(',', session.Get("tags", TypedSessionJson.Default.StringArray) ?? []),
            session["n"]);
    }

    [Exposed]
    public string Drop(Session session) => session.Remove("n") + " " + session.Remove("n");
}

public sealed record TypedCart(string[] Items, int Count);

[JsonSerializable(typeof(TypedCart))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class TypedSessionJson : JsonSerializerContext;
