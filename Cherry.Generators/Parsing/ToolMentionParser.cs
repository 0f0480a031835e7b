using System;
using System.Collections.Generic;
using System.Linq;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cherry.Generators.Parsing
{
    /// <summary>
    /// Finds the built-in tools an app's configuration can turn on by name: every <c>tools.&lt;name&gt;.</c> in its
    /// <c>*.conf</c> and <c>appsettings*.json</c> files and in its string literals (config set in code, INI text
    /// held in a string). A mention in a comment roots a tool too; that costs only size, a miss would cost start-up.
    /// </summary>
    internal static class ToolMentionParser
    {
        private const string Prefix = "tools.";

        public static bool IsConfigFile(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            return name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase)
                || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
        }

        public static bool IsCandidate(SyntaxNode node) =>
            node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && literal.Token.ValueText.IndexOf(Prefix, StringComparison.Ordinal) >= 0;

        public static EquatableArray<string> FromLiteral(SyntaxNode node) =>
            Find(((LiteralExpressionSyntax)node).Token.ValueText);

        /// <summary>The tool classes of the built-in tools <paramref name="text"/> names, sorted.</summary>
        public static EquatableArray<string> Find(string? text)
        {
            var classes = new SortedSet<string>(StringComparer.Ordinal);
            if (text is null)
            {
                return EquatableArray<string>.Empty;
            }
            for (var at = text.IndexOf(Prefix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Prefix, at + 1, StringComparison.Ordinal))
            {
                var start = at + Prefix.Length;
                var end = start;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }
                // "tools.gzip.on", and JSON's "tools.gzip": { "on": true }.
                if (end > start && end < text.Length && (text[end] == '.' || text[end] == '"') && ClassOf(text.Substring(start, end - start)) is { } toolClass)
                {
                    classes.Add(toolClass);
                }
            }
            AddNested(text, classes);
            return classes.ToEquatableArray();
        }

        /// <summary>
        /// JSON's nested form, which the runtime reads as dotted keys: <c>"tools": { "gzip": { "on": true } }</c>. The
        /// names of the <c>"tools"</c> object's own members are tool names. One pass over the text.
        /// </summary>
        private static void AddNested(string text, SortedSet<string> classes)
        {
            const string Key = "\"tools\"";
            for (var at = text.IndexOf(Key, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Key, at + 1, StringComparison.Ordinal))
            {
                var i = SkipSpace(text, at + Key.Length);
                if (i >= text.Length || text[i] != ':')
                {
                    continue;
                }
                i = SkipSpace(text, i + 1);
                if (i >= text.Length || text[i] != '{')
                {
                    continue;
                }
                // The object's members at its own depth: a string followed by ':' is a member name.
                var depth = 0;
                for (; i < text.Length; i++)
                {
                    var c = text[i];
                    if (c == '{' || c == '[')
                    {
                        depth++;
                    }
                    else if (c == '}' || c == ']')
                    {
                        if (--depth == 0)
                        {
                            break;
                        }
                    }
                    else if (c == '"')
                    {
                        var close = i + 1;
                        while (close < text.Length && text[close] != '"')
                        {
                            close += text[close] == '\\' ? 2 : 1;
                        }
                        if (depth == 1 && close < text.Length && SkipSpace(text, close + 1) is var after && after < text.Length && text[after] == ':'
                            && ClassOf(text.Substring(i + 1, close - i - 1)) is { } toolClass)
                        {
                            classes.Add(toolClass);
                        }
                        i = close;
                    }
                }
            }
        }

        private static int SkipSpace(string text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            return i;
        }

        private static string? ClassOf(string name) => ToolCatalog.Find(name)?.ToolClass;
    }
}
