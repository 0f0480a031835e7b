namespace Cherry;

/// <summary>
/// Marks the dynamic-segment hook, CherryPy's <c>_cp_dispatch</c>. The method takes a
/// <see cref="VirtualPath"/> and returns the next node (or null), and is consulted only when a segment
/// matches no member and at least one real segment remains. Its return type must be a concrete class
/// so that the generator can dispatch on it at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DispatchAttribute : Attribute
{
}
