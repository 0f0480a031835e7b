using System.Text;

namespace Cherry.Shared
{
    /// <summary>
    /// The one rule that turns a C# member name into its URL segment. Linked into the generator and the
    /// analyzers so that the two can never disagree.
    /// PascalCase words are split, lower-cased and joined with <c>_</c>: <c>TranslateHtml</c> → <c>translate_html</c>,
    /// <c>GetHTMLPage</c> → <c>get_html_page</c>, <c>Dir1</c> → <c>dir1</c>. Punctuation in an explicit segment,
    /// and at run time in a request segment, counts as <c>_</c> (CherryPy's rule), so <c>/translate.html</c>
    /// and <c>/translate-html</c> reach <c>TranslateHtml</c>.
    /// </summary>
    internal static class SegmentNaming
    {
        public static string FromMemberName(string name)
        {
            var builder = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c) && i > 0 && name[i - 1] != '_')
                {
                    var previous = name[i - 1];
                    var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                    {
                        builder.Append('_');
                    }
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            return Normalize(builder.ToString());
        }

        /// <summary>The longest segment dispatch compares; a longer request segment matches no member.</summary>
        public const int MaxLength = 128;

        /// <summary>Why no request can reach a member at <paramref name="segment"/>, or null when one can.</summary>
        public static string? Problem(string segment) =>
            segment.Length == 0 ? "its URL segment is empty, and no request segment is"
            : segment.Length > MaxLength ? $"its URL segment is {segment.Length} characters long, and dispatch compares at most {MaxLength}"
            : null;

        /// <summary>
        /// Why an explicit segment as written never matches a request's path, or null: '/' separates segments, '?' starts
        /// the query string and '#' the fragment, so a request reaches the member only at the segment's
        /// <see cref="Normalize"/>d form (<c>a/b</c> at <c>a_b</c>), never at the path it spells.
        /// </summary>
        public static string? Separator(string written) =>
            written.IndexOfAny(new[] { '/', '?', '#' }) is var at and >= 0
                ? $"'{written}' is one segment, and a request's '{written[at]}' {(written[at] == '/' ? "separates segments" : written[at] == '?' ? "starts the query string" : "starts the fragment, which no request sends")}, so requests reach it only at '{Normalize(written)}'; for a deeper path, hold a sub-tree"
                : null;

        /// <summary>Maps ASCII punctuation to <c>_</c>, as the runtime does for each request segment.</summary>
        public static string Normalize(string segment)
        {
            var chars = segment.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (c < 128 && c > ' ' && c != 127 && !char.IsLetterOrDigit(c))
                {
                    chars[i] = '_';
                }
            }
            return new string(chars);
        }
    }
}
