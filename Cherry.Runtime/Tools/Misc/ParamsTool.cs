namespace Cherry;

/// <summary>
/// CherryPy's <c>params</c> (<c>convert_params</c>): a handler's typed parameters already convert the request's values,
/// so what the tool adds is the status of a value that does not convert, <see cref="ParamsOptions.Error"/> instead of 400,
/// with the same message. It wraps the handler's call, where the arguments are bound. CherryPy's <c>exception</c>
/// argument (the Python exception class to catch) has no counterpart: a conversion failure is the one case.
/// </summary>
public sealed partial class ParamsTool : Tool
{
    /// <summary>Priority 15, CherryPy's: outside the wrappers of a higher priority.</summary>
    public override void Attach(ToolChainBuilder chain)
    {
        var status = Options.Error;
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
        });
    }
}
