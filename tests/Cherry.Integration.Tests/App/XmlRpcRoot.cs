namespace Cherry.Integration.Tests.App;

public sealed class XmlRpcRoot
{
    public Calculator Xmlrpc { get; } = new();

    [Exposed]
    public string Index() => "xml-rpc site";
}

/// <summary>The reference app's XmlRpc controller, with every XML-RPC type round-tripped.</summary>
[XmlRpc(AllowNone = true)]
public sealed class Calculator
{
    public Strings Text { get; } = new();

    [Exposed]
    public int Add(int a, int b) => a + b;

    [Exposed]
    public string Hello() => "Hello world!";

    [Exposed]
    public object?[] Echo(bool flag, string text, double number, DateTime when, byte[] data, Dictionary<string, object?> record, object?[] list, object? nothing) =>
        [flag, text, number, when, data, record, list, nothing];

    [Exposed]
    public long Big(long value) => value * 1_000_000_000_000;

    [Exposed]
    public Task<string> Later(string text) => Task.FromResult(text + " later");

    [Exposed]
    public void Nothing()
    {
    }

    /// <summary>A fault with the caller's code, thrown.</summary>
    [Exposed]
    public int Refuse(int code, string why) => throw new XmlRpcFault(code, why);

    /// <summary>The same after an await.</summary>
    [Exposed]
    public async Task<int> RefuseLater(int code, string why)
    {
        await Task.Yield();
        throw new XmlRpcFault(code, why);
    }

    /// <summary>A fault returned rather than thrown, as CherryPy's respond() answers a returned Fault.</summary>
    [Exposed]
    public object Verdict(int code) => code == 0 ? "fine" : new XmlRpcFault(code, "verdict " + code);

    [Exposed]
    public int Fail() => throw new InvalidOperationException("unsupported operand type(s) for +: 'dict' and 'int'");
}

[XmlRpc]
public sealed class Strings
{
    public Deeper Deeper { get; } = new();

    [Exposed]
    public string Upper(string text) => text.ToUpperInvariant();
}

[XmlRpc]
public sealed class Deeper
{
    [Exposed]
    public string Reverse(string text) => new(text.Reverse().ToArray());
}
