using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Cherry.Shared
{
    /// <summary>One scalar of a JSON document: the names (and array indexes) leading to it, its text, and its line.</summary>
    internal readonly struct JsonLeaf
    {
        public JsonLeaf(string[] path, string? value, bool isString, int line)
        {
            Path = path;
            Value = value;
            IsString = isString;
            Line = line;
        }

        public string[] Path { get; }

        /// <summary>The value as configuration reads it: a string unescaped, a number or <c>true</c> as written; null for <c>null</c>.</summary>
        public string? Value { get; }

        public bool IsString { get; }

        public int Line { get; }
    }

    /// <summary>
    /// The scalars of an appsettings JSON file with their lines, for the build's config checks (the runtime reads the same
    /// file through Microsoft.Extensions.Configuration, which keeps no line numbers). Hand-written: analyzers run on
    /// netstandard2.0 without System.Text.Json. A document that does not parse yields what came before the fault; the
    /// host's JSON provider reports the fault itself at start-up. Nesting deeper than <see cref="MaxDepth"/> is a fault too, as
    /// it is to System.Text.Json, so no file can exhaust the compiler's stack.
    /// </summary>
    internal static class JsonLines
    {
        /// <summary>System.Text.Json's default depth, which the host's JSON configuration provider reads with.</summary>
        public const int MaxDepth = 64;

        public static List<JsonLeaf> Read(string text) => Read(text, out _);

        /// <param name="faultLine">The line where the document stops being JSON as the host's provider reads it (comments
        /// and trailing commas allowed), or null when it parses to its end.</param>
        public static List<JsonLeaf> Read(string text, out int? faultLine)
        {
            var leaves = new List<JsonLeaf>();
            var reader = new Reader(text);
            reader.SkipSpace();
            var whole = reader.Value(new List<string>(), leaves);
            reader.SkipSpace();
            faultLine = whole && reader.AtEnd ? null : reader.Line;
            return leaves;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _at;
            private int _line = 1;

            public Reader(string text) => _text = text;

            public bool AtEnd => _at >= _text.Length;

            public int Line => _line;

            /// <summary>Reads one value at the current position; false when the document stops parsing here.</summary>
            public bool Value(List<string> path, List<JsonLeaf> leaves)
            {
                if (_at >= _text.Length)
                {
                    return false;
                }
                var c = _text[_at];
                if (path.Count >= MaxDepth && c is '{' or '[')
                {
                    return false;
                }
                if (c == '{')
                {
                    _at++;
                    SkipSpace();
                    if (Peek('}'))
                    {
                        _at++;
                        return true;
                    }
                    while (true)
                    {
                        SkipSpace();
                        // A trailing comma, as the host's JSON provider allows.
                        if (Peek('}'))
                        {
                            _at++;
                            return true;
                        }
                        if (!String(out var name))
                        {
                            return false;
                        }
                        SkipSpace();
                        if (!Peek(':'))
                        {
                            return false;
                        }
                        _at++;
                        SkipSpace();
                        path.Add(name);
                        var read = Value(path, leaves);
                        path.RemoveAt(path.Count - 1);
                        if (!read || Next('}') is not { } more)
                        {
                            return false;
                        }
                        if (!more)
                        {
                            return true;
                        }
                    }
                }
                if (c == '[')
                {
                    _at++;
                    SkipSpace();
                    if (Peek(']'))
                    {
                        _at++;
                        return true;
                    }
                    for (var index = 0; ; index++)
                    {
                        SkipSpace();
                        if (Peek(']'))
                        {
                            _at++;
                            return true;
                        }
                        path.Add(index.ToString(CultureInfo.InvariantCulture));
                        var read = Value(path, leaves);
                        path.RemoveAt(path.Count - 1);
                        if (!read || Next(']') is not { } more)
                        {
                            return false;
                        }
                        if (!more)
                        {
                            return true;
                        }
                    }
                }
                var line = _line;
                if (c == '"')
                {
                    if (!String(out var text))
                    {
                        return false;
                    }
                    leaves.Add(new JsonLeaf(path.ToArray(), text, isString: true, line));
                    return true;
                }
                var start = _at;
                while (_at < _text.Length && _text[_at] is not (',' or '}' or ']') && !char.IsWhiteSpace(_text[_at]))
                {
                    _at++;
                }
                var literal = _text.Substring(start, _at - start);
                if (!(literal is "true" or "false" or "null" || double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                {
                    return false;
                }
                leaves.Add(new JsonLeaf(path.ToArray(), literal == "null" ? null : literal, isString: false, line));
                return true;
            }

            /// <summary>After a member or an item: true at a comma (another follows), false at <paramref name="close"/>, null where the document breaks.</summary>
            private bool? Next(char close)
            {
                SkipSpace();
                if (Peek(',') || Peek(close))
                {
                    return _text[_at++] == ',';
                }
                return null;
            }

            private bool String(out string value)
            {
                value = "";
                if (!Peek('"'))
                {
                    return false;
                }
                var builder = new StringBuilder();
                for (_at++; _at < _text.Length; _at++)
                {
                    var c = _text[_at];
                    if (c == '"')
                    {
                        _at++;
                        value = builder.ToString();
                        return true;
                    }
                    if (c == '\\' && _at + 1 < _text.Length)
                    {
                        var escaped = _text[++_at];
                        if (escaped == 'u' && _at + 4 < _text.Length
                            && int.TryParse(_text.Substring(_at + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            builder.Append((char)code);
                            _at += 4;
                            continue;
                        }
                        builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escaped });
                        continue;
                    }
                    builder.Append(c);
                }
                return false;
            }

            private bool Peek(char c) => _at < _text.Length && _text[_at] == c;

            /// <summary>Skips whitespace and the comments the host's JSON provider allows, counting lines.</summary>
            public void SkipSpace()
            {
                while (_at < _text.Length)
                {
                    var c = _text[_at];
                    if (c == '\n')
                    {
                        _line++;
                        _at++;
                    }
                    else if (char.IsWhiteSpace(c))
                    {
                        _at++;
                    }
                    else if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '/')
                    {
                        while (_at < _text.Length && _text[_at] != '\n')
                        {
                            _at++;
                        }
                    }
                    else if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '*')
                    {
                        var end = _text.IndexOf("*/", _at + 2, System.StringComparison.Ordinal);
                        var stop = end < 0 ? _text.Length : end + 2;
                        for (; _at < stop; _at++)
                        {
                            if (_text[_at] == '\n')
                            {
                                _line++;
                            }
                        }
                    }
                    else
                    {
                        return;
                    }
                }
            }
        }
    }
}
