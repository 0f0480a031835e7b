namespace Cherry;

/// <summary>
/// CherryPy's <c>popargs</c>: when a segment under this class matches no member, up to
/// <see cref="Names"/>.Length segments are taken as named parameters and dispatch continues on the
/// same object (<c>/blog/2009/12/</c> → <c>Index(year: "2009", month: "12")</c>), or in <see cref="Handler"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PopArgsAttribute(params string[] names) : Attribute
{
    public string[] Names { get; } = names;

    /// <summary>
    /// Where dispatch goes on after popping (CherryPy's <c>popargs(handler=...)</c>), by member name
    /// (<c>Handler = nameof(Day)</c>): a property or field holding the next node, which then sees the popped values as
    /// parameters; or a method taking one <c>string</c> per name (null past the path's end) that makes the next node from
    /// them, in which case they are not request parameters. Null: this class again.
    /// </summary>
    public string? Handler { get; set; }
}
