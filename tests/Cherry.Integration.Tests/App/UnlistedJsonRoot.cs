namespace Cherry.Integration.Tests.App;

/// <summary>A JSON type that no context in this compilation declares: its metadata must be registered at start-up.</summary>
public sealed record Unlisted(int Number);

public sealed class UnlistedJsonRoot
{
    // On purpose: these tests register the metadata at start-up, or show the start-up failure without it.
#pragma warning disable CHERRY0007
    [Exposed, JsonOut]
    public Unlisted Index() => new(7);
#pragma warning restore CHERRY0007
}
