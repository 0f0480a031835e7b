namespace Cherry;

/// <summary>
/// CherryPy's bare hooks: callbacks registered by name, which configuration attaches to a hook point at a path with
/// <c>hooks.&lt;point&gt; = 'name, name'</c> (CherryPy's <c>'hooks.before_request_body': pipe_body</c>), at priority 50.
/// A name the build sees registered with a constant is checked against the app's configuration at build time (CHERRY0018,
/// CHERRY0019); start-up refuses an unknown point or name either way.
/// </summary>
public sealed class HookRegistry
{
    private readonly Dictionary<string, Func<Request, ValueTask>> _hooks = new(StringComparer.Ordinal);

    public void Register(string name, Func<Request, ValueTask> callback) => _hooks[name] = callback;

    /// <summary>A hook that finishes at once.</summary>
    public void Register(string name, Action<Request> callback) => Register(name, request =>
    {
        callback(request);
        return ValueTask.CompletedTask;
    });

    internal Func<Request, ValueTask> this[string name] => _hooks[name];

    internal ICollection<string> Names => _hooks.Keys;
}
