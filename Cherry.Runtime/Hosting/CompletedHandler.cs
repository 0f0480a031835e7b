namespace Cherry;

/// <summary>
/// What start-up computes for one generated <see cref="HandlerEntry"/>: its chain and settings at its tree path, and
/// the chains of the config sections below it, deepest first (a request whose path lies in one of them, a Default
/// handler, a 404, a static directory mounted by config, runs that section's chain).
/// </summary>
internal sealed record CompletedHandler(ToolChain Chain, EntrySettings Settings, SectionChain[] Sections);

/// <summary>A handler's chain and settings completed for one config section below its tree path.</summary>
internal sealed record SectionChain(string Section, ToolChain Chain, EntrySettings Settings);
