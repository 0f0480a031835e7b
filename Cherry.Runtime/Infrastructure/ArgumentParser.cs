using System.ComponentModel;
using System.Globalization;

namespace Cherry.Infrastructure;

/// <summary>
/// Typed conversion of string arguments for generated binders. A value that does not parse is the
/// client's mistake: 400 with a message naming the parameter, never a 500.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ArgumentParser
{
    public static T Parse<T>(string value, string parameter)
        where T : ISpanParsable<T>
    {
        T? result;
        try
        {
            if (T.TryParse(value, CultureInfo.InvariantCulture, out result))
            {
                return result;
            }
        }
        catch (Exception thrown)
        {
            // A TryParse that throws is the type's own doing: the server's 500 unless the params tool names the exception.
            throw new ArgumentConversionFault(parameter, thrown);
        }
        throw Invalid(parameter, value, Describe<T>());
    }

    public static bool ParseBoolean(string value, string parameter) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "on" or "yes" => true,
        "false" or "0" or "off" or "no" or "" => false,
        _ => throw Invalid(parameter, value, "a boolean (true/false)"),
    };

    public static TEnum ParseEnum<TEnum>(string value, string parameter)
        where TEnum : struct, Enum
    {
        // Names only: a number would reach values the enum does not define.
        if (value.Length > 0 && !char.IsAsciiDigit(value[0]) && value[0] != '-'
            && Enum.TryParse<TEnum>(value, ignoreCase: true, out var result))
        {
            return result;
        }
        throw Invalid(parameter, value, "one of " + string.Join(", ", Enum.GetNames<TEnum>()));
    }

    public static T[] ParseAll<T>(List<string>? values, Func<string, string, T> parse, string parameter) =>
        ParseAll<string, T>(values, parse, parameter);

    /// <summary>Every value of a repeated name, each converted by <paramref name="parse"/>.</summary>
    public static T[] ParseAll<TValue, T>(List<TValue>? values, Func<TValue, string, T> parse, string parameter)
    {
        if (values is null)
        {
            return [];
        }
        var result = new T[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = parse(values[i], parameter);
        }
        return result;
    }

    /// <summary>
    /// A <see cref="Cherry.Part"/> argument: the multipart part the value came from. A value from the query string or
    /// an urlencoded body is no part, and the client's mistake.
    /// </summary>
    public static Part ParsePart(Parameter value, string parameter) =>
        value.Part ?? throw new ArgumentValueError($"Parameter '{parameter}' expects a part of a multipart body (an uploaded file); a plain value was sent.");

    /// <summary>
    /// A <see cref="Microsoft.Extensions.Primitives.StringValues"/> argument, as untyped as CherryPy's: the path segment, else
    /// the one value or every value of its name, else <paramref name="fallback"/>.
    /// </summary>
    public static Microsoft.Extensions.Primitives.StringValues Values(bool fromSegment, string? segment, List<string>? named,
        Microsoft.Extensions.Primitives.StringValues fallback) =>
        fromSegment ? new(segment)
        : named is null ? fallback
        : named.Count == 1 ? new(named[0])
        : new([.. named]);

    /// <summary>The positional segments after the first <paramref name="skip"/>: a <c>params string[]</c> argument.</summary>
    public static string[] Rest(IReadOnlyList<string> positional, int skip)
    {
        if (positional.Count <= skip)
        {
            return [];
        }
        var rest = new string[positional.Count - skip];
        for (var i = 0; i < rest.Length; i++)
        {
            rest[i] = positional[skip + i];
        }
        return rest;
    }

    private static string Describe<T>() => typeof(T) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte)
            || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(sbyte) => "an integer",
        var t when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "a number",
        var t when t == typeof(Guid) => "a GUID",
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) => "a date",
        var t when t == typeof(TimeSpan) || t == typeof(TimeOnly) => "a time",
        _ => "a " + typeof(T).Name,
    };

    private static ArgumentValueError Invalid(string parameter, string value, string expected) =>
        new($"Parameter '{parameter}' expects {expected}; '{value}' is not one.");
}
