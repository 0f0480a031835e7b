namespace Cherry.Integration.Tests.App;

/// <summary>What a deployment behind nginx must keep: the client's scheme and address, redirects, the session cookie, digest and uploads.</summary>
public sealed class DeployedRoot
{
    public DeployedDigest Digest { get; } = new();

    [Exposed]
    public string Where(Request request) => $"scheme={request.Scheme} remote={request.RemoteAddress} url={request.Url()}";

    /// <summary>An absolute-path redirect: behind a prefix it must keep the prefix.</summary>
    [Exposed, Redirect("/where", Internal = false)]
    public string Moved() => "never";

    [Exposed]
    public string Visit(Session session)
    {
        session.Set("seen", 1);
        return "visited";
    }

    [Exposed]
    public async Task<string> Upload(Part file, CancellationToken cancellation) =>
        $"{file.FileName}:{(await file.ReadAllBytesAsync(cancellation)).Length}";
}

[AuthDigest(Realm = "wonderland", Key = "a565c27146791cfb")]
public sealed class DeployedDigest
{
    [Exposed]
    public string Index(Request request) => "Hello " + request.Login;
}
