namespace Cherry;

/// <summary>The points of a request at which tools run, in CherryPy's order.</summary>
public enum HookPoint
{
    OnStartResource,
    BeforeRequestBody,
    BeforeHandler,
    BeforeFinalize,
    OnEndResource,
    BeforeErrorResponse,
    AfterErrorResponse,
    OnEndRequest,
}
