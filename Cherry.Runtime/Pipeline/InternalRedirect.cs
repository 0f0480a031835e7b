namespace Cherry;

/// <summary>
/// Re-runs the request as a GET with an empty body on another path of the same application,
/// as <c>cherrypy.InternalRedirect</c> does. Visiting the same URL twice is refused unless
/// the application allows recursive redirects.
/// </summary>
public sealed class InternalRedirect : Exception
{
    public InternalRedirect(string pathAndQuery)
        : base("Internal redirect to " + pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?');
        Path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        QueryString = question < 0 ? "" : pathAndQuery[(question + 1)..];
    }

    /// <summary>The new path below the application's mount point.</summary>
    public string Path { get; }

    public string QueryString { get; }
}
