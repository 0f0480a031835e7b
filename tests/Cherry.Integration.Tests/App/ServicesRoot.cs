using Microsoft.AspNetCore.Mvc;

namespace Cherry.Integration.Tests.App;

/// <summary>A singleton the tree takes in its constructors.</summary>
public sealed class Greeter(string greeting)
{
    public string Greet(string name) => greeting + ", " + name;
}

/// <summary>A per-request service: each request gets its own, one instance however many handlers ask.</summary>
public sealed class RequestStamp
{
    private static int _issued;

    public int Number { get; } = Interlocked.Increment(ref _issued);
}

/// <summary>A root built by generated code: a node and a singleton from DI through its constructor.</summary>
public sealed class ServicesRoot(Greeter greeter, Catalog catalog)
{
    public Catalog Catalog { get; } = catalog;

    [Exposed]
    public string Index(string name = "world") => greeter.Greet(name);

    [Exposed]
    public string Stamp([FromServices] RequestStamp first, [FromServices] RequestStamp second) =>
        first.Number + (ReferenceEquals(first, second) ? " once" : " twice");
}

/// <summary>A node built by generated code because the root's constructor takes it.</summary>
public sealed class Catalog(Greeter greeter)
{
    [Exposed]
    public string Index() => greeter.Greet("catalog");
}

/// <summary>A root whose node asks for a per-request service in its constructor, which cannot work.</summary>
public sealed class ScopedInNodeRoot(RequestStamp stamp)
{
    [Exposed]
    public string Index() => stamp.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A root whose handler takes a service nobody registered.</summary>
public sealed class UnregisteredHandlerServiceRoot
{
    [Exposed]
    public string Index([FromServices] RequestStamp stamp) => stamp.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
