namespace Cherry.Integration.Tests.App;

/// <summary>A JSON type that no context in this compilation declares: its metadata must be registered at start-up.</summary>
public sealed record Unlisted(int Number);

public sealed class UnlistedJsonRoot
{
    [Exposed, JsonOut]
    public Unlisted Index() => new(7);
}
