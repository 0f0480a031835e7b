namespace Cherry;

/// <summary>
/// A request value that a handler's typed parameter cannot take (<c>'x'</c> for an <c>int</c>): a 400 naming the
/// parameter, or the status the params tool gives it (CherryPy's <c>convert_params</c> error).
/// </summary>
internal sealed class ArgumentValueError(string message) : HttpError(400, message);
