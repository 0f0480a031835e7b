using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
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
            if (s.Length > 0 && (s[0] is '+' or '-' ? s.Substring(1) : s) is var unsigned && unsigned.Length > 0 && unsigned.All(c => c >= '0' && c <= '9'))
            {
                // Python's ints have no size limit: the digits are the value (BigInteger drops the sign of zero and a '+').
                if (!IsDecimalInteger(unsigned) || !BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return false;
                }
                value = integer.ToString(CultureInfo.InvariantCulture);
                return true;
            }
            if (s.Length > 0 && (char.IsDigit(s[0]) || s[0] is '.' or '+' or '-')
                && double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var real)
                && !double.IsInfinity(real) && !double.IsNaN(real))
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
                // A repeated key keeps its first place and its last value, as a Python dict does.
                var keys = new List<string>();
                var items = new Dictionary<string, string>();
                foreach (var pair in SplitTopLevel(s.Substring(1, s.Length - 2), ','))
                {
                    var parts = SplitTopLevel(pair, ':').ToList();
                    if (parts.Count != 2 || !TryParseValue(parts[0], out var key) || !TryParseValue(parts[1], out var item))
                    {
                        return false;
                    }
                    if (!items.ContainsKey(key))
                    {
                        keys.Add(key);
                    }
                    items[key] = item;
                }
                value = string.Join(",", keys.Select(key => key + "," + items[key]));
                return true;
            }
            return false;
        }

        /// <summary>
        /// Digits as Python reads a decimal integer: no leading zeros ("007" is a syntax error in Python 3, "000" is zero).
        /// Underscores, hexadecimal and octal are refused rather than read otherwise.
        /// </summary>
        private static bool IsDecimalInteger(string digits) => digits[0] != '0' || digits.All(c => c == '0');

        /// <summary>
        /// A quoted string as Python reads it: an optional <c>r</c> (raw) or <c>u</c> prefix, then its escapes (<c>\n</c>,
        /// <c>\x41</c>, <c>\u00e9</c>, octal, an unknown one kept with its backslash). Bytes, f-strings, triple quotes,
        /// <c>\N{…}</c> and adjacent literals are refused rather than read otherwise.
        /// </summary>
        private static bool TryParseString(string s, out string value)
        {
            value = "";
            var raw = s.Length > 0 && (s[0] == 'r' || s[0] == 'R');
            if (s.Length > 0 && (raw || s[0] == 'u' || s[0] == 'U'))
            {
                s = s.Substring(1);
            }
            if (s.Length < 2 || (s[0] != '\'' && s[0] != '"') || s[s.Length - 1] != s[0] || (s.Length >= 6 && s.StartsWith(new string(s[0], 3), System.StringComparison.Ordinal)))
            {
                return false;
            }
            var quote = s[0];
            var builder = new StringBuilder();
            var end = s.Length - 1;
            for (var i = 1; i < end; i++)
            {
                var c = s[i];
                if (c == quote)
                {
                    return false;
                }
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }
                if (i + 1 >= end)
                {
                    // A backslash before the closing quote escapes it: the string never closes.
                    return false;
                }
                var next = s[++i];
                if (raw)
                {
                    builder.Append('\\').Append(next);
                    continue;
                }
                switch (next)
                {
                    case '\n':
                        break;
                    case '\\' or '\'' or '"':
                        builder.Append(next);
                        break;
                    case 'a': builder.Append('\a'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'v': builder.Append('\v'); break;
                    case >= '0' and <= '7':
                        var octal = next - '0';
                        for (var count = 1; count < 3 && i + 1 < end && s[i + 1] is >= '0' and <= '7'; count++)
                        {
                            octal = (octal * 8) + (s[++i] - '0');
                        }
                        builder.Append((char)octal);
                        break;
                    case 'x' or 'u' or 'U':
                        var length = next == 'x' ? 2 : next == 'u' ? 4 : 8;
                        if (i + length >= end
                            || !int.TryParse(s.Substring(i + 1, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                            || code > 0x10FFFF)
                        {
                            return false;
                        }
                        builder.Append(code > 0xFFFF ? char.ConvertFromUtf32(code) : ((char)code).ToString());
                        i += length;
                        break;
                    case 'N':
                        return false;
                    default:
                        builder.Append('\\').Append(next);
                        break;
                }
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
