namespace Cherry.Generators.Model
{
    /// <summary>
    /// A user's tool as its <c>[ToolDeclaration]</c> class declares it: the class, the config name, the hook and each
    /// argument. Facts only; the generator's DeclaredToolEmitter writes the C#.
    /// </summary>
    /// <param name="Namespace">The class's namespace; empty for the global one.</param>
    /// <param name="Point">The <c>HookPoint</c> member's name.</param>
    internal sealed record ToolDeclarationSpec(
        string Namespace,
        string ClassName,
        string Name,
        string Point,
        int Priority,
        bool Failsafe,
        HookShape Hook,
        EquatableArray<ToolArgumentSpec> Arguments);

    /// <summary>
    /// How the declaration's hook method runs: <c>ValueTask RunAsync(Request)</c>, <c>Task RunAsync(Request)</c> or
    /// <c>void Run(Request)</c> at its hook point; or, wrapping the handler's call (CherryPy's HandlerWrapperTool),
    /// <c>ValueTask RunAsync(Request, Func&lt;ValueTask&gt; handler)</c> or its <c>Task</c> form.
    /// </summary>
    internal enum HookShape
    {
        ValueTask,
        Task,
        Void,
        WrapperValueTask,
        WrapperTask,
    }

    /// <summary>
    /// One argument: the property that holds it, its config key, its kind (one of <c>Shared.ToolArgument.Kinds</c>) and the
    /// facts of its DataAnnotations rules (<c>Shared.ArgumentConstraints</c>).
    /// </summary>
    /// <param name="RequiredUnset">[Required] with no initialiser: an attribute that does not set it is refused.</param>
    internal sealed record ToolArgumentSpec(
        string Property,
        string Key,
        string Kind,
        double? Minimum,
        double? Maximum,
        EquatableArray<string>? Allowed,
        string? Pattern,
        bool Required,
        bool RequiredUnset);
}
