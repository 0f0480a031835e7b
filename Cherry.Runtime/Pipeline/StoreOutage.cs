namespace Cherry;

/// <summary>
/// 503 for a shared store (sessions, cache) that cannot be reached or does not answer in time: the client may retry.
/// The page shows no traceback even where tracebacks are on: the stack is the store client's, the operator's log has
/// it, and the outage is no bug of the app's.
/// </summary>
internal sealed class StoreOutage : HttpError
{
    public StoreOutage(string store, Exception cause)
        : base(503, $"The {store} store is unavailable ({cause.GetType().Name}); try again shortly.") => ShowsTraceback = false;

    /// <summary>
    /// Whether an exception from a store call means the store failed: anything but the request's cancellation or an
    /// HTTP answer already decided (which pass through as they are).
    /// </summary>
    public static bool IsCause(Exception ex) => ex is not (OperationCanceledException or HttpError);
}
