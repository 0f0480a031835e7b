namespace Cherry.Integration.Tests.App;

/// <summary>A handler that hands its request to another by an internal redirect, for the end-of-request cleanup tests.</summary>
public sealed class HandOffRoot
{
    [Exposed]
    public string Moved() => throw new InternalRedirect("/target");

    [Exposed]
    public string Twice() => throw new InternalRedirect("/moved");

    [Exposed]
    public string Target() => "target";
}
