using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Cherry.Analyzers;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Cherry.CodeFixes
{
    /// <summary>
    /// Fixes on a config file's own line (an AdditionalFile: <c>*.conf</c>, <c>appsettings*.json</c>) or a <c>[Config]</c>'s, where the analyzer
    /// names the edit in the diagnostic's properties: a line to add below it (<see cref="ConfigFix.AddLine"/>), or text
    /// in the line to replace (<see cref="ConfigFix.Replace"/> with <see cref="ConfigFix.With"/>: the nearest name, a value's plain form).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfigFileCodeFix), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument), nameof(TextDocumentKind.Document) }), Shared]
    public sealed class ConfigFileCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnknownConfigurationKey.Id, DiagnosticDescriptors.InvalidConfigurationValue.Id, DiagnosticDescriptors.ToolNeedNotMet.Id);

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(ConfigFix.AddLine, out var line) && line is not null)
                {
                    var title = $"Add '{line}'";
                    context.RegisterCodeFix(CodeAction.Create(title, c => EditAsync(context.TextDocument, diagnostic.Location.SourceSpan, text => AddBelow(text, line), c), title), diagnostic);
                }
                else if (diagnostic.Properties.TryGetValue(ConfigFix.Replace, out var old) && old is not null
                    && diagnostic.Properties.TryGetValue(ConfigFix.With, out var replacement) && replacement is not null)
                {
                    var title = $"Change '{old}' to '{replacement}'";
                    context.RegisterCodeFix(CodeAction.Create(title, c => EditAsync(context.TextDocument, diagnostic.Location.SourceSpan, text => ReplaceWord(text, old, replacement), c), title), diagnostic);
                }
            }
            return Task.CompletedTask;
        }

        private static async Task<Solution> EditAsync(TextDocument document, TextSpan span, System.Func<(SourceText Text, TextLine Line), TextChange?> edit, CancellationToken cancellation)
        {
            var text = await document.GetTextAsync(cancellation).ConfigureAwait(false);
            var change = edit((text, text.Lines.GetLineFromPosition(span.Start)));
            var solution = document.Project.Solution;
            return change is not { } c ? solution
                : document is Document code ? solution.WithDocumentText(code.Id, text.WithChanges(c))
                : solution.WithAdditionalDocumentText(document.Id, text.WithChanges(c));
        }

        /// <summary>The new line under the reported one, with its indentation.</summary>
        private static TextChange? AddBelow((SourceText Text, TextLine Line) at, string line)
        {
            var current = at.Line.ToString();
            var indent = current.Substring(0, current.Length - current.TrimStart().Length);
            var newLine = at.Line.EndIncludingLineBreak > at.Line.End ? at.Text.ToString(TextSpan.FromBounds(at.Line.End, at.Line.EndIncludingLineBreak)) : "\n";
            return at.Line.EndIncludingLineBreak > at.Line.End
                ? new TextChange(new TextSpan(at.Line.EndIncludingLineBreak, 0), indent + line + newLine)
                : new TextChange(new TextSpan(at.Line.End, 0), newLine + indent + line);
        }

        /// <summary>The first whole occurrence of <paramref name="old"/> in the line (not part of a longer name), replaced.</summary>
        private static TextChange? ReplaceWord((SourceText Text, TextLine Line) at, string old, string replacement)
        {
            var line = at.Line.ToString();
            for (var index = line.IndexOf(old, System.StringComparison.Ordinal); index >= 0; index = line.IndexOf(old, index + 1, System.StringComparison.Ordinal))
            {
                var end = index + old.Length;
                if ((index == 0 || !IsNameCharacter(line[index - 1]) || !IsNameCharacter(old[0]))
                    && (end == line.Length || !IsNameCharacter(line[end]) || !IsNameCharacter(old[old.Length - 1])))
                {
                    return new TextChange(new TextSpan(at.Line.Start + index, old.Length), replacement);
                }
            }
            return null;
        }

        private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
