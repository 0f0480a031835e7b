using System.Runtime.CompilerServices;
using System.Text;
using Cherry.Shared;

namespace Cherry.Runtime.Tests;

/// <summary>
/// docs/guide/tool-arguments.md is written from the built-in tools' declarations (Shared/ToolCatalog.cs), never by hand:
/// this fails when it is out of date. Set CHERRY_REGENERATE_DOCS=1 to rewrite it; the run then fails on purpose so that a
/// regenerated page is never taken as a pass.
/// </summary>
public sealed class ToolArgumentsPageTests
{
    [Fact]
    public void The_tool_arguments_page_is_the_catalog()
    {
        var path = PagePath();
        var actual = Render();
        if (Environment.GetEnvironmentVariable("CHERRY_REGENERATE_DOCS") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Fail($"Regenerated {path}. Review the diff, then run again without CHERRY_REGENERATE_DOCS.");
        }
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    [Fact]
    public void Every_argument_of_every_built_in_tool_is_on_the_page()
    {
        var page = File.ReadAllText(PagePath());
        foreach (var tool in ToolCatalog.All)
        {
            Assert.Contains($"## `{tool.Name}`", page);
            foreach (var argument in tool.Arguments)
            {
                Assert.Contains($"| `tools.{tool.Name}.{argument.Key}` |", page);
            }
        }
    }

    /// <summary>The declaration's XML-doc text as Markdown: <c>x</c> and see-crefs become code spans.</summary>
    private static string Markdown(string doc) =>
        System.Text.RegularExpressions.Regex.Replace(doc.Replace("<c>", "`").Replace("</c>", "`"), "<see cref=\"(?:Cherry\\.)?([^\"]+)\"/>", "`$1`").Replace("|", "\\|");

    private static string PagePath([CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", "docs", "guide", "tool-arguments.md"));

    private static string Render()
    {
        var page = new StringBuilder();
        page.Append("# Tool arguments\n\n")
            .Append("<!-- Written from Shared/ToolCatalog.cs by ToolArgumentsPageTests (CHERRY_REGENERATE_DOCS=1); do not edit. -->\n\n")
            .Append("Every argument of every built-in tool, as its declaration in `Shared/ToolCatalog.cs` gives it: the config key, the\n")
            .Append("attribute's property (a positional one is the constructor's), the type, the default and what it does. Every tool also\n")
            .Append("takes `on` and `priority`. The build checks an attribute's constants and configuration's keys and values against\n")
            .Append("the same declaration, and start-up checks the final values ([tools.md](tools.md)).\n");
        foreach (var tool in ToolCatalog.All.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            page.Append($"\n## `{tool.Name}`\n\n");
            var where = tool.Point is { } point ? $"runs at `{point}`, priority {tool.Priority}" : "attaches its own hooks";
            var turnedOn = tool.Attribute is { } attribute ? $"`[{attribute[..^"Attribute".Length]}]` or configuration" : "configuration";
            page.Append($"`{tool.ToolClass}` {where}; {turnedOn} turns it on{(tool.OnByDefault ? " (on by default)" : "")}.\n");
            if (tool.Arguments.Count == 0)
            {
                page.Append("\nIt takes no arguments.\n");
                continue;
            }
            page.Append("\n| key | property | type | default | what it does |\n|---|---|---|---|---|\n");
            foreach (var argument in tool.Arguments)
            {
                var property = argument.Property is null ? "(alias)" : argument.Position >= 0 ? $"`{argument.Property}` (constructor)" : $"`{argument.Property}`";
                var type = argument.PropertyType.Replace("global::", "");
                var literal = argument.DefaultLiteral?.Replace("global::", "") ?? type switch
                {
                    "bool" => "false",
                    "int" or "double" => "0",
                    _ => "null",
                };
                var fallback = $"`{literal}`";
                var doc = Markdown(argument.Doc ?? "read with the argument before it");
                page.Append($"| `tools.{tool.Name}.{argument.Key}` | {property} | `{type}` | {fallback} | {doc} |\n");
            }
        }
        return page.ToString();
    }
}
