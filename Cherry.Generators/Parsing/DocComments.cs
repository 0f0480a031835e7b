using System.Linq;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Parsing
{
    /// <summary>
    /// A member's <c>&lt;summary&gt;</c> as one line of plain text, for the OpenAPI document. The compiler gives
    /// documentation comments only when it parses them (GenerateDocumentationFile, or DocumentationMode Parse or
    /// Diagnose); otherwise, and for a comment that is not well-formed XML, there is no summary.
    /// </summary>
    internal static class DocComments
    {
        public static string? Summary(ISymbol member, CancellationToken cancellation)
        {
            var xml = member.GetDocumentationCommentXml(cancellationToken: cancellation);
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
