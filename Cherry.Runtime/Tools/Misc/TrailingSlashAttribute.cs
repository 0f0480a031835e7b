namespace Cherry;

/// <summary>Sets <c>trailing_slash</c>'s arguments for a handler or a sub-tree.</summary>
public sealed class TrailingSlashAttribute : ToolAttribute
{
    public bool Missing { get; set; } = true;

    public bool Extra { get; set; }

    /// <summary>0 keeps the default (301 for GET/HEAD, 308 otherwise).</summary>
    public int Status { get; set; }

    public override Tool CreateTool() => new TrailingSlashTool { Missing = Missing, Extra = Extra, Status = Status == 0 ? null : Status };
}
