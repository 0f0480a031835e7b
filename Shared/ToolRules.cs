using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace Cherry.Shared
{
    /// <summary>
    /// What a built-in tool accepts, said once: the analyzers check attribute arguments with these rules at build time,
    /// and the tools check the same values (from attributes or configuration) at start-up. Each rule answers the
    /// problem in words, or null when the value is fine.
    /// </summary>
    internal static class ToolRules
    {
        public static readonly string[] HttpMethods = { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT" };

        public static string? CachingDelay(int seconds) =>
            seconds <= 0 ? $"Delay must be at least 1 second (it is {seconds}): an entry that expires at once is never served" : null;

        public static string? AntiStampedeTimeout(int seconds) =>
            seconds < 0 ? $"AntiStampedeTimeout cannot be negative (it is {seconds})" : null;

        public static string? ExpiresSeconds(int seconds) =>
            seconds < 0 ? $"Secs cannot be negative (it is {seconds}); use 0 with Force = true to forbid caching" : null;

        public static string? RefererPattern(string pattern)
        {
            try
            {
                _ = new Regex(pattern);
                return null;
            }
            catch (ArgumentException e)
            {
                return $"the pattern '{pattern}' is not a valid regular expression: {e.Message}";
            }
        }

        public static string? AllowedMethods(string[] methods)
        {
            foreach (var method in methods)
            {
                if (AllowedMethod(method) is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }

        /// <summary>The digest algorithms a realm challenges with: at least one, each MD5 or SHA-256.</summary>
        public static string? DigestAlgorithms(string[] algorithms)
        {
            if (algorithms.Length == 0)
            {
                return "name at least one digest algorithm (MD5, SHA-256)";
            }
            foreach (var algorithm in algorithms)
            {
                if (!string.Equals(algorithm, "MD5", StringComparison.OrdinalIgnoreCase) && !string.Equals(algorithm, "SHA-256", StringComparison.OrdinalIgnoreCase))
                {
                    return $"the digest algorithm '{algorithm}' is not MD5 or SHA-256";
                }
            }
            return null;
        }

        /// <summary>
        /// proxy's trusted_proxies: each an IP address (<c>10.0.0.5</c>) or a network as address/prefix length
        /// (<c>10.0.0.0/8</c>, <c>fd00::/8</c>), the forms System.Net.IPNetwork parses (no bits set past the prefix).
        /// </summary>
        public static string? ProxyNetworks(string[] entries)
        {
            foreach (var entry in entries)
            {
                var slash = entry.IndexOf('/');
                // IPAddress alone also reads "10" as 0.0.0.10: an IPv4 address here is four dotted numbers.
                if (!System.Net.IPAddress.TryParse(slash < 0 ? entry : entry.Substring(0, slash), out var address)
                    || entry.IndexOf(':') < 0 && entry.Split('/')[0].Split('.').Length != 4)
                {
                    return $"'{entry}' is not an IP address or a network (address/prefix length, as 10.0.0.0/8)";
                }
                if (slash < 0)
                {
                    continue;
                }
                var bytes = address.GetAddressBytes();
                if (!int.TryParse(entry.Substring(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)
                    || prefix > bytes.Length * 8)
                {
                    return $"the network '{entry}' needs a prefix length from 0 to {bytes.Length * 8}";
                }
                for (var bit = prefix; bit < bytes.Length * 8; bit++)
                {
                    if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
                    {
                        return $"the network '{entry}' has address bits set past its prefix length";
                    }
                }
            }
            return null;
        }

        public static string? CompressLevel(int level) =>
            level is >= 0 and <= 9 ? null : $"the compression level is 0 to 9 (it is {level})";

        /// <summary>trailing_slash's status: 0 for its default (301, or 307 under a POST), else a redirect.</summary>
        public static string? RedirectStatus(int status) =>
            status == 0 || status is >= 300 and <= 399 ? null : $"a redirect status is 300 to 399 (it is {status})";

        /// <summary>Full .NET type names: dotted identifiers, <c>+</c> before a nested type's name.</summary>
        public static string? ExceptionTypeNames(string[] names)
        {
            foreach (var name in names)
            {
                if (name.Length == 0 || !name.Split('.', '+').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '`')))
                {
                    return $"'{name}' is not a full type name, as in 'System.FormatException' or 'Shop.InvalidSkuException'";
                }
            }
            return null;
        }

        public static string? ErrorStatus(int status) =>
            status is >= 400 and <= 599 ? null : $"the error status must be from 400 to 599 (it is {status})";

        /// <summary>Minutes, fractions allowed (CherryPy's tests use 1/60, a second).</summary>
        public static string? SessionTimeout(double minutes) =>
            minutes > 0 && minutes < double.PositiveInfinity ? null : $"the timeout is a positive number of minutes (it is {minutes})";

        public static string? NotNegative(double minutes) =>
            minutes >= 0 && minutes < double.PositiveInfinity ? null : $"a number of minutes is 0 or more (it is {minutes})";

        public static string? Required(string? value) => string.IsNullOrEmpty(value) ? "a value is required" : null;

        public static string? StaticDirectory(string? dir) =>
            string.IsNullOrEmpty(dir) ? "staticdir needs a directory (tools.staticdir.dir, or [StaticDir(\"path\")])" : null;

        public static string? StaticFilename(string? filename) =>
            string.IsNullOrEmpty(filename) ? "staticfile needs a file (tools.staticfile.filename, or [StaticFile(\"path\")])" : null;

        /// <summary>response_headers: name, value, name, value...; each name a header token, each value on one line.</summary>
        public static string? HeaderPairs(string[] namesAndValues)
        {
            if (namesAndValues.Length % 2 != 0)
            {
                return "expected pairs of header name and value";
            }
            for (var i = 0; i < namesAndValues.Length; i += 2)
            {
                if (HeaderName(namesAndValues[i]) is { } problem)
                {
                    return problem;
                }
                if (namesAndValues[i + 1] is { } value && value.Any(c => c < ' ' && c != '\t' || c == 127))
                {
                    return $"the value of '{namesAndValues[i]}' holds a line break or control character, which no response header can carry";
                }
            }
            return null;
        }

        /// <summary>ignore_headers: names a request header can have (RFC 9110 tokens).</summary>
        public static string? HeaderNames(string[] names)
        {
            foreach (var name in names)
            {
                if (HeaderName(name) is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }

        private static string? HeaderName(string? name) =>
            IsToken(name) ? null : $"'{name}' is not a header name (letters, digits and !#$%&'*+-.^_`|~, no spaces or colons), so no request or response has that header";

        /// <summary>accept's media: each a media type a client's Accept names (<c>text/html</c>) or a range of them (<c>text/*</c>).</summary>
        public static string? MediaRanges(string[] media)
        {
            foreach (var value in media)
            {
                var slash = value?.IndexOf('/') ?? -1;
                if (slash < 0 || !IsToken(value!.Substring(0, slash)) || value.Substring(slash + 1) is var subtype && subtype != "*" && !IsToken(subtype))
                {
                    return $"'{value}' is not a media type (type/subtype, as text/html, or type/*), so no Accept header but */* matches it";
                }
            }
            return null;
        }

        /// <summary>json_in's content types: each a whole media type, which a request's Content-Type is compared with.</summary>
        public static string? MediaTypeList(string[] types)
        {
            foreach (var value in types)
            {
                var slash = value?.IndexOf('/') ?? -1;
                if (slash < 0 || !IsToken(value!.Substring(0, slash)) || !IsToken(value.Substring(slash + 1)))
                {
                    return $"'{value}' is not a media type (type/subtype, as application/json), so no request's Content-Type matches it";
                }
            }
            return null;
        }

        /// <summary>gzip's mime_types: each a media type (<c>text/html</c>) or a pattern (<c>text/*</c>, <c>application/*+json</c>).</summary>
        public static string? MediaPatterns(string[] patterns)
        {
            foreach (var value in patterns)
            {
                var pattern = value?.Trim() ?? "";
                var slash = pattern.IndexOf('/');
                if (slash < 0 || pattern.Substring(0, slash) is var type && (type == "*" || !IsToken(type)) || !IsToken(pattern.Substring(slash + 1)))
                {
                    return $"'{value}' is not a media type or pattern (type/subtype, type/*, or type/*+suffix), so no response's Content-Type matches it";
                }
            }
            return null;
        }

        /// <summary>An RFC 9110 token: one or more of ALPHA, DIGIT and <c>!#$%&amp;'*+-.^_`|~</c>.</summary>
        private static bool IsToken(string? text) =>
            text is { Length: > 0 } && text.All(c => c < 128 && (char.IsLetterOrDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0));

        /// <summary>staticdir and staticfile's content_types: extension, type, extension, type...</summary>
        public static string? ContentTypePairs(string[]? extensionsAndTypes) =>
            extensionsAndTypes is null || extensionsAndTypes.Length % 2 == 0 ? null : "expected pairs of extension and content type";

        public static string? AllowedMethod(string? method) =>
            method is not null && Array.IndexOf(HttpMethods, method.ToUpperInvariant()) >= 0
                ? null
                : $"'{method}' is not an HTTP method ({string.Join(", ", HttpMethods)})";

        public static string? StaticPathBesideRoot(string path, string? root) =>
            IsAbsolute(path) && root is { Length: > 0 }
                ? $"'{path}' is absolute, so Root '{root}' is ignored; make the path relative or drop Root"
                : null;

        /// <summary>A realm goes into a quoted challenge parameter.</summary>
        public static string? Realm(string? realm) =>
            realm is null || realm.Length == 0 ? "a realm is required"
            : realm.IndexOf('"') >= 0 ? $"the realm '{realm}' cannot contain a double quote"
            : null;

        public static string? DigestKey(string? key) =>
            key is null || key.Length == 0 ? "a key (a random secret that signs nonces) is required" : null;

        private static bool IsAbsolute(string path) =>
            path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal)
            || (path.Length > 2 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'));
    }
}
