namespace Cherry;

/// <summary>
/// A parameter type's own conversion threw (its <c>TryParse</c>, which should only return false). That is the server's
/// 500, unless the params tool's <c>exception</c> names the exception as the client's (CherryPy's <c>convert_params</c>).
/// </summary>
internal sealed class ArgumentConversionFault(string parameter, Exception thrown)
    : Exception($"Converting the value of parameter '{parameter}' threw {thrown.GetType().Name}: {thrown.Message}", thrown);
