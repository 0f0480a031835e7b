namespace Cherry.Integration.Tests.App;

// The build refuses these constants (CHERRY0008); start-up must too, naming where each is written.
#pragma warning disable CHERRY0008
[Expires(Secs = -1)]
public sealed class BadAttributeRoot
{
    [Exposed, Gzip(CompressLevel = 12)]
    public string Index() => "never served";
}
#pragma warning restore CHERRY0008
