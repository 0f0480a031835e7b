using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Cherry.Shared
{
    /// <summary>
    /// What a configuration key, value or section means, said once for start-up and the build: the words a switch
    /// takes, the tree path a section names, the keys outside the tools, and the nearest known name for a typo.
    /// </summary>
    internal static class ConfigGrammar
    {
        public const string GlobalSection = "global";

        /// <summary>The request and response settings a section may hold besides tools, headers and error pages.</summary>
        public static class Settings
        {
            public const string ShowMismatchedParams = "request.show_mismatched_params";
            public const string ShowTracebacks = "request.show_tracebacks";
            public const string QueryStringEncoding = "request.query_string_encoding";
            public const string MethodsWithBodies = "request.methods_with_bodies";
            public const string Stream = "response.stream";

            public static readonly string[] All = { ShowMismatchedParams, ShowTracebacks, QueryStringEncoding, MethodsWithBodies, Stream };
        }

        /// <summary>CherryPy's logging keys, read for the whole application from <c>[global]</c> or <c>[/]</c>.</summary>
        public static class Log
        {
            public const string Screen = "log.screen";
            public const string AccessFile = "log.access_file";
            public const string ErrorFile = "log.error_file";

            public static readonly string[] All = { Screen, AccessFile, ErrorFile };
        }

        /// <summary>The forms of the keys that take a name of the app's choosing, as the error text shows them.</summary>
        public static readonly string[] KeyForms = { "tools.<name>.<argument>", "response.headers.<Name>", "error_page.<code>", "hooks.<point>" };

        /// <summary>
        /// CherryPy's bare hooks, <c>hooks.&lt;point&gt; = 'name, name'</c>: the hook points by their config names, in the order of
        /// Cherry's <c>HookPoint</c> (the index is the member's value); the names are hooks the app registers.
        /// </summary>
        public static class Hooks
        {
            public const string Prefix = "hooks.";

            public static readonly string[] Points =
            {
                "on_start_resource", "before_request_body", "before_handler", "before_finalize", "on_end_resource",
                "before_error_response", "after_error_response", "on_end_request",
            };

            /// <summary>What is wrong with a <c>hooks.*</c> key and its value, or null; <paramref name="known"/> null when any hook name may be one.</summary>
            public static string? Problem(string key, string? value, ICollection<string>? known, out bool ofKey)
            {
                ofKey = true;
                var point = key.Substring(Prefix.Length);
                if (Array.IndexOf(Points, point) < 0)
                {
                    return $"there is no hook point '{point}' ({string.Join(", ", Points)}).{DidYouMean(Nearest(point, Points))}";
                }
                ofKey = false;
                if (value is null)
                {
                    return "name the hooks to run: hooks.<point> = 'name, name'.";
                }
                foreach (var name in List(value))
                {
                    if (known is not null && !known.Contains(name))
                    {
                        return $"there is no hook named '{name}': register it with AddCherry(options => options.Hooks.Register(\"{name}\", request => ...)).{DidYouMean(Nearest(name, known))}";
                    }
                }
                return null;
            }
        }

        /// <summary>
        /// A switch's value: <c>True</c>/<c>False</c> as INI files write them, <c>true</c>/<c>false</c> as JSON and
        /// environment variables do, and <c>1</c>/<c>0</c>, <c>on</c>/<c>off</c>, <c>yes</c>/<c>no</c>, in any case.
        /// </summary>
        public static bool TryParseBoolean(string text, out bool value)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true":
                case "1":
                case "on":
                case "yes":
                    value = true;
                    return true;
                case "false":
                case "0":
                case "off":
                case "no":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }

        /// <summary>
        /// The tree path a section names: a section is written as the URL (<c>[/favicon.ico]</c>, <c>[/my-area]</c>, as
        /// in CherryPy), while tree paths name members with punctuation as <c>_</c>, the form dispatch compares segments in.
        /// <c>global</c> stays itself.
        /// </summary>
        public static string TreePath(string section)
        {
            if (section == GlobalSection)
            {
                return section;
            }
            var segments = section.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                segments[i] = SegmentNaming.Normalize(segments[i]);
            }
            return string.Join("/", segments);
        }

        /// <summary>An integer value, invariant; what is wrong with it in words, or null.</summary>
        public static string? ReadInt32(string text, out int value) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) ? null : "expected an integer";

        /// <inheritdoc cref="ReadInt32"/>
        public static string? ReadInt64(string text, out long value) =>
            long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) ? null : "expected an integer";

        /// <summary>A number, invariant; what is wrong with it in words, or null.</summary>
        public static string? ReadDouble(string text, out double value) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) ? null : "expected a number.";

        /// <summary>A switch (<see cref="TryParseBoolean"/>); what is wrong with it in words, or null.</summary>
        public static string? ReadBoolean(string text, out bool value) =>
            TryParseBoolean(text, out value) ? null : "expected True or False";

        /// <summary>An enum member by name in any case (numbers are refused, as the build refuses them); what is wrong, or null.</summary>
        public static string? ReadEnumName(string text, IEnumerable<string> names, out string? name)
        {
            var trimmed = text.Trim();
            name = names.FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
            return name is null ? "expected one of " + string.Join(", ", names) + "." : null;
        }

        /// <summary>
        /// The form a typed namespace's key and an options property are matched in: case and underscores ignored, so
        /// <c>db.connection_string</c> and <c>db.ConnectionString</c> both set <c>ConnectionString</c>.
        /// </summary>
        public static string OptionName(string name) => name.Replace("_", "").ToLowerInvariant();

        /// <summary>A property's key as the documentation and the "did you mean" write it: <c>ConnectionString</c> is <c>connection_string</c>.</summary>
        public static string SnakeCase(string property)
        {
            var key = new System.Text.StringBuilder(property.Length + 4);
            for (var i = 0; i < property.Length; i++)
            {
                if (char.IsUpper(property[i]) && i > 0 && (char.IsLower(property[i - 1]) || i + 1 < property.Length && char.IsLower(property[i + 1]) && char.IsUpper(property[i - 1])))
                {
                    key.Append('_');
                }
                key.Append(char.ToLowerInvariant(property[i]));
            }
            return key.ToString();
        }

        /// <summary>A list value's items: an INI list literal reads to comma-joined text, as a plain list is written.</summary>
        public static string[] List(string text)
        {
            var items = new List<string>();
            foreach (var item in text.Split(','))
            {
                if (item.Trim() is { Length: > 0 } trimmed)
                {
                    items.Add(trimmed);
                }
            }
            return items.ToArray();
        }

        /// <summary>
        /// The one rule for values outside INI files (appsettings.json, environment variables, the command line,
        /// <c>options.Set</c>): they are plain text, since only an INI file's values are Python literals. A value written
        /// as an INI literal there (<c>'links_sid'</c>, <c>['text/html', 'text/css']</c>) would keep its quotes: true, with
        /// the plain form in <paramref name="plain"/>.
        /// </summary>
        public static bool IsIniLiteral(string value, out string plain)
        {
            plain = value;
            var text = value.Trim();
            if (text.Length >= 2 && (text[0] == '\'' || text[0] == '"') && text[text.Length - 1] == text[0] && text.IndexOf(text[0], 1) == text.Length - 1)
            {
                plain = text.Substring(1, text.Length - 2);
                return true;
            }
            if (text.Length >= 2 && text[0] == '[' && text[text.Length - 1] == ']' && (text.IndexOf('\'') > 0 || text.IndexOf('"') > 0))
            {
                var items = text.Substring(1, text.Length - 2).Split(',');
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = items[i].Trim().Trim('\'', '"');
                }
                plain = string.Join(", ", items);
                return true;
            }
            return false;
        }

        /// <summary>Why a key outside any section of an INI file is refused, at build and at start-up.</summary>
        public const string KeyOutsideSection = "every key must be inside a [global] or [/path] section.";

        /// <summary>Why an INI value that is no Python literal is refused, at build and at start-up.</summary>
        public static string NotAPythonLiteral(string raw) => $"the value {raw} is not a Python literal (True, 3600, 'text', [...]).";

        /// <summary>
        /// Why a value quoted as in an INI file is refused where values are plain (<paramref name="where"/>: "outside INI
        /// files", "in [Config]"): its quotes would reach the cookie name, the realm or the page.
        /// </summary>
        public static string QuotedAsInIni(string value, string plain, string where) =>
            $"the value {value} is written as in an INI file; {where} values are plain text: write {plain}.";

        /// <summary>
        /// What a <c>[Config]</c> entry cannot be besides what any source's cannot, for the build and start-up alike: a log
        /// key (the host's logging is set up before any handler's config; <paramref name="ofKey"/> true), or a value quoted as
        /// in an INI file (its quotes would reach the value, as from any plain source). The problem in words, or null.
        /// </summary>
        public static string? CodeEntryProblem(string key, string? value, out bool ofKey)
        {
            ofKey = key.StartsWith("log.", StringComparison.Ordinal);
            if (ofKey)
            {
                return "log keys belong to the whole host: set them in [global] or [/] of a config file or options.Set, not in [Config].";
            }
            return value is not null && IsIniLiteral(value, out var plain)
                ? QuotedAsInIni(value, plain, "in [Config]")
                : null;
        }

        /// <summary>
        /// A mount's script name as one form, the same for the analyzers and <c>MapCherry</c>: <c>"x"</c>, <c>"/x"</c> and
        /// <c>"/x/"</c> are all <c>"/x"</c> (a route pattern without its leading slash is accepted everywhere in ASP.NET Core),
        /// and the root is <c>"/"</c>.
        /// </summary>
        public static string ScriptName(string text) => "/" + text.Trim('/');

        /// <summary>
        /// The known name nearest to <paramref name="name"/> (at most two edits, or one for a short name), for a "did you
        /// mean"; null when none is that near. Linear in the candidates, each compared in time bounded by the names' lengths.
        /// </summary>
        public static string? Nearest(string name, IEnumerable<string> candidates)
        {
            var limit = name.Length <= 4 ? 1 : 2;
            string? best = null;
            var bestDistance = limit + 1;
            foreach (var candidate in candidates)
            {
                if (candidate == name || Math.Abs(candidate.Length - name.Length) > limit)
                {
                    continue;
                }
                var distance = Distance(name, candidate);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (candidate, distance);
                }
            }
            return best;
        }

        /// <summary>Edits (insert, delete, replace, swap of neighbours) between two names, case-insensitive.</summary>
        private static int Distance(string a, string b)
        {
            var previous2 = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                    }
                }
                (previous2, previous, current) = (previous, current, previous2);
            }
            return previous[b.Length];
        }

        /// <summary>" Did you mean 'x'?" for a suggestion, or nothing.</summary>
        /// <summary>
        /// A tool argument's config key: <c>tools.&lt;name&gt;.&lt;argument&gt;</c>, or <c>&lt;namespace&gt;.&lt;name&gt;.&lt;argument&gt;</c> for a
        /// tool declared in a toolbox of its own (CherryPy's <c>Toolbox('myauth')</c>), whose name carries its namespace.
        /// </summary>
        public static string ToolKey(string toolName, string argument) =>
            (toolName.IndexOf('.') >= 0 ? toolName : "tools." + toolName) + "." + argument;

        public static string DidYouMean(string? suggestion) => suggestion is null ? "" : $" Did you mean '{suggestion}'?";
    }
}
