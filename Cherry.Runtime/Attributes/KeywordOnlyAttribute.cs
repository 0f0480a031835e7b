namespace Cherry;

/// <summary>
/// Binds the parameter by name only, from the query string or the form body, never from a path segment: Python's
/// keyword-only parameter (<c>def hello(self, *, name='world')</c>), so <c>/hello/extra</c> is a 404 instead of
/// <c>name = "extra"</c>. Later parameters still take the segments in order.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class KeywordOnlyAttribute : Attribute
{
}
