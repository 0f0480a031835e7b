namespace Cherry.Integration.Tests.App;

/// <summary>The params tool: the status of a request value a typed parameter cannot take.</summary>
public sealed class ParamsRoot
{
    [Exposed, Params(Error = 422)]
    public string Twice(int n) => (n * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Exposed]
    public string Plain(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Exposed, Params(Error = 422)]
    public string Refuses(int n) => throw new HttpError(400, "the handler's own 400 for " + n);
}
