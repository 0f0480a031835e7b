using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Cherry.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cherry.Generators.Parsing
{
    /// <summary>
    /// A member's <c>&lt;summary&gt;</c> as one line of plain text, for the OpenAPI document. The compiler gives
    /// documentation comments only when it parses them (GenerateDocumentationFile, or DocumentationMode Parse or
    /// Diagnose); otherwise the <c>///</c> lines are plain comments, read here from the declaration's leading trivia.
    /// A comment that is not well-formed XML gives no summary.
    /// </summary>
    internal static class DocComments
    {
        /// <summary>
        /// The summaries of the handlers of <paramref name="nodes"/>, each method found again by its declaration id:
        /// read beside the parse rather than in it, so a spec never holds a comment.
        /// </summary>
        public static EquatableArray<HandlerSummary> Of(EquatableArray<NodeSpec> nodes, Compilation compilation, CancellationToken cancellation)
        {
            var summaries = new List<HandlerSummary>();
            foreach (var handler in nodes.SelectMany(n => n.Handlers))
            {
                if (DocumentationCommentId.GetFirstSymbolForDeclarationId(handler.DeclarationId, compilation) is { } method
                    && Summary(method, cancellation) is { } summary)
                {
                    summaries.Add(new HandlerSummary(handler.DeclarationId, summary));
                }
            }
            return summaries.ToEquatableArray();
        }

        public static string? Summary(ISymbol member, CancellationToken cancellation)
        {
            var xml = member.GetDocumentationCommentXml(cancellationToken: cancellation);
            if (string.IsNullOrWhiteSpace(xml))
            {
                xml = FromPlainComments(member, cancellation);
            }
            if (string.IsNullOrWhiteSpace(xml))
            {
                return null;
            }
            try
            {
                var summary = XElement.Parse(xml).Element("summary");
                if (summary is null)
                {
                    return null;
                }
                var text = new StringBuilder();
                Append(text, summary);
                var line = string.Join(" ", text.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries));
                return line.Length == 0 ? null : line;
            }
            catch (XmlException)
            {
                return null;
            }
        }

        /// <summary>The <c>///</c> lines right above the declaration, as one XML element, when the compiler did not parse them.</summary>
        private static string? FromPlainComments(ISymbol member, CancellationToken cancellation)
        {
            if (member.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference
                || reference.SyntaxTree.Options.DocumentationMode != DocumentationMode.None)
            {
                return null;
            }
            var lines = new List<string>();
            foreach (var trivia in reference.GetSyntax(cancellation).GetLeadingTrivia().Reverse())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().StartsWith("///", System.StringComparison.Ordinal))
                {
                    lines.Insert(0, trivia.ToString().Substring(3));
                }
                else if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    break;
                }
            }
            return lines.Count == 0 ? null : "<member>" + string.Join("\n", lines) + "</member>";
        }

        /// <summary>Text as a reader sees it: <c>&lt;see cref="T:A.B"/&gt;</c> is <c>B</c>, <c>&lt;paramref name="x"/&gt;</c> is <c>x</c>.</summary>
        private static void Append(StringBuilder text, XElement element)
        {
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XText part:
                        text.Append(part.Value);
                        break;
                    case XElement { IsEmpty: true } reference:
                        var name = (string?)reference.Attribute("cref") ?? (string?)reference.Attribute("langword") ?? (string?)reference.Attribute("name") ?? (string?)reference.Attribute("href") ?? "";
                        // A cref is a documentation id (T:Ns.Type, M:Ns.Type.Method(System.String)): its member name reads best.
                        var shortName = name.Split('(')[0];
                        text.Append(shortName.Substring(shortName.LastIndexOf('.') + 1).Split(':').Last());
                        break;
                    case XElement inner:
                        Append(text, inner);
                        break;
                }
            }
        }
    }
}
