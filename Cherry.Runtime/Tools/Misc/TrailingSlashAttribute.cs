namespace Cherry;

/// <summary>Sets <c>trailing_slash</c>'s arguments for a handler or a sub-tree.</summary>
public sealed class TrailingSlashAttribute : ToolAttribute
{
    private TrailingSlashOptions _options = new();

    /// <inheritdoc cref="TrailingSlashOptions.Missing"/>
    public bool Missing { get => _options.Missing; set => _options = _options with { Missing = value }; }

    /// <inheritdoc cref="TrailingSlashOptions.Extra"/>
    public bool Extra { get => _options.Extra; set => _options = _options with { Extra = value }; }

    /// <inheritdoc cref="TrailingSlashOptions.Status"/>
    public int Status { get => _options.Status; set => _options = _options with { Status = value }; }

    public override Tool CreateTool() => new TrailingSlashTool { Options = _options };
}
