using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_xmlrpc: an XMLRPCController at /xmlrpc under a standard root. The Python config's XMLRPCDispatcher and
/// <c>tools.xmlrpc.allow_none = 0</c> are what [XmlRpc] (AllowNone false) means.
/// </summary>
public static class XmlRpc
{
    public static void Map(WebApplication app) => app.MapCherry<Root>("/");

    public sealed class Root
    {
        public Rpc Xmlrpc { get; } = new();

        [Exposed]
        public string Index() => "I'm a standard index!";
    }

    [XmlRpc]
    public sealed class Rpc
    {
        [Exposed]
        public string Foo() => "Hello world!";

        [Exposed]
        public int[] ReturnSingleItemList() => [42];

        [Exposed]
        public string ReturnString() => "here is a string";

        [Exposed]
        public object?[] ReturnTuple() => ["here", "is", 1, "tuple"];

        [Exposed]
        public Dictionary<string, object?> ReturnDict() => new() { ["a"] = 1, ["b"] = 2, ["c"] = 3 };

        [Exposed]
        public object?[] ReturnComposite() =>
            [new Dictionary<string, object?> { ["a"] = 1, ["z"] = 26 }, "hi", new object?[] { "welcome", "friend" }];

        [Exposed]
        public int ReturnInt() => 42;

        [Exposed]
        public double ReturnFloat() => 3.14;

        // DateTime((2003, 10, 7, 8, 1, 0, 1, 280, -1))
        [Exposed]
        public DateTime ReturnDatetime() => new(2003, 10, 7, 8, 1, 0, DateTimeKind.Unspecified);

        [Exposed]
        public bool ReturnBoolean() => true;

        [Exposed]
        public int TestArgumentPassing(int num) => num * 2;

        // The Python returns a Fault; in Cherry a fault is what an exception in an XML-RPC method becomes.
        [Exposed("test_returning_Fault")]
        public string TestReturningFault() => throw new InvalidOperationException("custom Fault response");
    }
}
