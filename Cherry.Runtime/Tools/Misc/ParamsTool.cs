namespace Cherry;

/// <summary>
/// CherryPy's <c>params</c> (<c>convert_params</c>): a handler's typed parameters already convert the request's values,
/// so what the tool adds is the status of a value that does not convert, <see cref="ParamsOptions.Error"/> instead of 400,
/// with the same message, and which exceptions a parameter type's own conversion throws count as such a value
/// (<see cref="ParamsOptions.Exception"/>). It wraps the handler's call, where the arguments are bound.
/// </summary>
public sealed partial class ParamsTool : Tool
{
    /// <summary>Priority 15, CherryPy's: outside the wrappers of a higher priority.</summary>
    public override void Attach(ToolChainBuilder chain)
    {
        var status = Options.Error;
        var exceptions = Options.Exception;
        chain.WrapHandler(Name, 15, async (request, next) =>
        {
            try
            {
                await next(request);
            }
            catch (ArgumentValueError e) when (status != 400)
            {
                throw new HttpError(status, e.Message);
            }
            catch (ArgumentConversionFault fault) when (Names(exceptions, fault.InnerException!.GetType()))
            {
                throw new HttpError(status, fault.InnerException.Message);
            }
        });
    }

    /// <summary>Whether the exception's type, or a base of it, is one of the full type names.</summary>
    private static bool Names(string[] names, Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (Array.IndexOf(names, type.FullName) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
