namespace Cherry;

/// <summary>The shape of a URL <see cref="Request.Url"/> builds (CherryPy's <c>relative</c> argument of <c>url()</c>).</summary>
public enum UrlForm
{
    /// <summary>Scheme, host, mount point and path: <c>http://example.com/app/a/b</c>.</summary>
    Absolute,

    /// <summary>From the server root: <c>/app/a/b</c> (CherryPy's <c>relative='server'</c>).</summary>
    ServerRelative,

    /// <summary>Relative to the current URL, with <c>..</c> where needed: <c>../b</c> (CherryPy's <c>relative=True</c>).</summary>
    Relative,
}
