using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// One argument of a <see cref="ToolDeclarationAttribute"/> class, as its generated binder declares it: the config key,
/// the property, and the facts of its DataAnnotations rules, read by the same rule the build applies.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaredArgument<T>
{
    private readonly ToolArgument<T> _argument;

    /// <param name="allowsNone">A <c>string?</c> argument: configuration's <c>None</c> sets it to null.</param>
    public DeclaredArgument(string key, string property, bool allowsNone = false, double minimum = double.NaN, double maximum = double.NaN,
        string[]? allowed = null, string? pattern = null, bool required = false)
    {
        var constraints = new ArgumentConstraints(double.IsNaN(minimum) ? null : minimum, double.IsNaN(maximum) ? null : maximum, allowed, pattern, required);
        _argument = new ToolArgument<T>(key, property, constraints.Rule<T>(property)) { AllowsNone = allowsNone };
    }

    /// <summary>Configuration's value when it sets one, else <paramref name="current"/> (the attribute's); either way checked by the rule.</summary>
    public T Bind(ToolArguments arguments, T current) => arguments.Bind(_argument, current);
}
