using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Cherry.Shared
{
    /// <summary>
    /// Reads the Python literals of CherryPy config files (<c>True</c>, <c>3600</c>, <c>'text'</c>, <c>["a", "b"]</c>,
    /// <c>{'k': 'v'}</c>, <c>None</c>) into the plain strings Cherry's configuration holds; a bare <c>None</c> is null (a
    /// setting switched off below a section that set it). One reader for start-up and the build's config checks.
    /// Hand-written: no .NET package reads Python literals. CherryPy also evaluates names and calls; Cherry refuses them,
    /// since config must not run code.
    /// </summary>
    internal static class IniLiteral
    {
        public static bool TryParse(string text, out string? value)
        {
            if (text.Trim() == "None")
            {
                value = null;
                return true;
            }
            var parsed = TryParseValue(text, out var item);
            value = item;
            return parsed;
        }

        /// <summary>A literal as text; <c>None</c> inside a list or dict is the empty string.</summary>
        private static bool TryParseValue(string text, out string value)
        {
            var s = text.Trim();
            value = "";
            switch (s)
            {
                case "True":
                    value = "true";
                    return true;
                case "False":
                    value = "false";
                    return true;
                case "None":
                    return true;
            }
            if (TryParseString(s, out value))
            {
                return true;
            }
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                value = integer.ToString(CultureInfo.InvariantCulture);
                return true;
            }
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                value = real.ToString(CultureInfo.InvariantCulture);
                return true;
            }
            if (s.Length >= 2 && ((s[0] == '[' && s[s.Length - 1] == ']') || (s[0] == '(' && s[s.Length - 1] == ')')))
            {
                var items = new List<string>();
                foreach (var item in SplitTopLevel(s.Substring(1, s.Length - 2), ','))
                {
                    if (!TryParseValue(item, out var parsed))
                    {
                        return false;
                    }
                    items.Add(parsed);
                }
                value = string.Join(",", items);
                return true;
            }
            // A dict becomes its flattened pairs, the form list-valued settings such as content_types read.
            if (s.Length >= 2 && s[0] == '{' && s[s.Length - 1] == '}')
            {
                var items = new List<string>();
                foreach (var pair in SplitTopLevel(s.Substring(1, s.Length - 2), ','))
                {
                    var parts = SplitTopLevel(pair, ':').ToList();
                    if (parts.Count != 2 || !TryParseValue(parts[0], out var key) || !TryParseValue(parts[1], out var item))
                    {
                        return false;
                    }
                    items.Add(key);
                    items.Add(item);
                }
                value = string.Join(",", items);
                return true;
            }
            return false;
        }

        private static bool TryParseString(string s, out string value)
        {
            value = "";
            if (s.Length < 2 || (s[0] != '\'' && s[0] != '"') || s[s.Length - 1] != s[0])
            {
                return false;
            }
            var builder = new StringBuilder();
            for (var i = 1; i < s.Length - 1; i++)
            {
                var c = s[i];
                if (c == s[0])
                {
                    return false;
                }
                if (c == '\\' && i + 1 < s.Length - 1)
                {
                    c = s[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other };
                }
                builder.Append(c);
            }
            value = builder.ToString();
            return true;
        }

        private static IEnumerable<string> SplitTopLevel(string s, char separator)
        {
            var depth = 0;
            var start = 0;
            var quote = '\0';
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (quote != '\0')
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c is '[' or '(' or '{')
                {
                    depth++;
                }
                else if (c is ']' or ')' or '}')
                {
                    depth--;
                }
                else if (c == separator && depth == 0)
                {
                    yield return s.Substring(start, i - start);
                    start = i + 1;
                }
            }
            if (s.Substring(start).Trim().Length > 0)
            {
                yield return s.Substring(start);
            }
        }
    }
}
