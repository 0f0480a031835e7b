using System;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Cherry.Generators.Emitting
{
    /// <summary>
    /// Indented C# text. <see cref="Block"/> writes a header and braces around what the <c>using</c> scope writes;
    /// blank lines carry no indentation, so generated files have no trailing whitespace.
    /// </summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public void Line(string line = "")
        {
            if (line.Length > 0)
            {
                _text.Append(' ', _indent * 4).Append(line);
            }
            _text.Append('\n');
        }

        /// <summary>Writes <paramref name="header"/> and <c>{</c>; disposing the result writes the <c>}</c>.</summary>
        public Scope Block(string header, string close = "}")
        {
            Line(header);
            Line("{");
            _indent++;
            return new Scope(this, close);
        }

        /// <summary>Indents what the <c>using</c> scope writes, without braces (a switch section's statements).</summary>
        public Scope Indented()
        {
            _indent++;
            return new Scope(this, null);
        }

        /// <summary>Writes <c>if (condition) { return true; }</c>.</summary>
        public void ReturnTrueIf(string condition)
        {
            using (Block("if (" + condition + ")"))
            {
                Line("return true;");
            }
        }

        public override string ToString() => _text.ToString();

        /// <summary>A C# string literal.</summary>
        public static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

        public readonly struct Scope : IDisposable
        {
            private readonly CodeWriter _writer;
            private readonly string? _close;

            public Scope(CodeWriter writer, string? close)
            {
                _writer = writer;
                _close = close;
            }

            public void Dispose()
            {
                _writer._indent--;
                if (_close is not null)
                {
                    _writer.Line(_close);
                }
            }
        }
    }
}
