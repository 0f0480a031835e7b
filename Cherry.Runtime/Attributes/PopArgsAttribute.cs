namespace Cherry;

/// <summary>
/// CherryPy's <c>popargs</c>: when a segment under this class matches no member, up to
/// <see cref="Names"/>.Length segments are taken as named parameters and dispatch continues on the
/// same object (<c>/blog/2009/12/</c> → <c>Index(year: "2009", month: "12")</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PopArgsAttribute(params string[] names) : Attribute
{
    public string[] Names { get; } = names;
}
