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

/// <summary>A parameter type whose own conversion throws for a value it cannot take, as a Python converter raises.</summary>
public readonly record struct Sku(string Code) : ISpanParsable<Sku>
{
    public static Sku Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    public static Sku Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        s.Length == 6 && s[..3].ToString().All(char.IsAsciiLetterUpper) ? new Sku(s.ToString())
        : throw new InvalidSkuException($"'{s}' is no SKU: three capitals and three characters");

    public static bool TryParse(string? s, IFormatProvider? provider, out Sku result) => TryParse(s.AsSpan(), provider, out result);

    // Throws rather than returning false, as a converter that knows why a value is wrong may.
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Sku result)
    {
        result = s.Length == 0 ? default : Parse(s, provider);
        return s.Length > 0;
    }
}

public sealed class InvalidSkuException(string message) : FormatException(message);

/// <summary>The params tool's exception argument: the conversion's own exceptions that are the client's.</summary>
public sealed class SkuRoot
{
    [Exposed, Params(Error = 422, Exception = ["Cherry.Integration.Tests.App.InvalidSkuException"])]
    public string Named(Sku sku) => sku.Code;

    [Exposed, Params(Exception = ["System.FormatException"])]
    public string ByBase(Sku sku) => sku.Code;

    [Exposed]
    public string Unnamed(Sku sku) => sku.Code;
}
