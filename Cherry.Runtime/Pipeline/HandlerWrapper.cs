namespace Cherry;

/// <summary>
/// A wrapper of a handler's call (<see cref="ToolChainBuilder.WrapHandler"/>): the request, and the call of what it wraps
/// (the handler, or an inner wrapper).
/// </summary>
public delegate ValueTask HandlerWrapper(Request request, Func<Request, ValueTask> next);
