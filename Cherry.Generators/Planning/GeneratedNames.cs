using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Cherry.Generators.Model;

namespace Cherry.Generators.Planning
{
    /// <summary>
    /// Names of generated classes, fields and methods, after what they serve: the entry of <c>/catalog/search</c> is
    /// <c>_catalog_search</c>, its resolver <c>Resolve_catalog</c>. One instance per tree keeps them unique.
    /// </summary>
    internal sealed class GeneratedNames
    {
        /// <summary>The array of every entry, which the tree's <c>Handlers</c> returns.</summary>
        public const string HandlersField = "_handlers";

        // The members every tree has, so that no path's name can take them.
        private readonly HashSet<string> _taken = new HashSet<string>(System.StringComparer.Ordinal) { HandlersField, "Register", "Resolve", "Handlers" };

        /// <summary>
        /// The words that name a position's members: its path (<c>/catalog/search</c> is <c>catalog_search</c>), and for
        /// the node a <c>[Dispatch]</c> method returns, which shares its parent's path, the parent's words and its class.
        /// </summary>
        public static string Scope(string path) => Identifier(path.Trim('/').Replace('/', '_'));

        public static string Scope(string parentScope, string word) => Words(parentScope, Identifier(word));

        /// <summary>The field of an entry in <paramref name="role"/> (index, get, methodNotAllowed...) or, for a member, its own scope.</summary>
        public string Entry(string scope, string? role = null) => Unique("_" + Words(scope, role));

        public string Resolver(string scope) => Unique(scope.Length == 0 ? "ResolveRoot" : "Resolve_" + scope);

        public string Invoker(string nodeShortName, string methodName) => Unique("Invoke_" + nodeShortName + "_" + methodName);

        /// <summary>The method that checks a validated type's values: <c>Validate_Order</c>.</summary>
        public string Validator(string typeShortName) => Unique("Validate_" + Identifier(typeShortName));

        /// <summary>The field holding one owner's DataAnnotations rules: <c>_rules_Invoke_Root_Search_page</c>, <c>_rules_Order_Title</c>.</summary>
        public string Rules(string owner, string? member) => Unique("_rules_" + Words(Identifier(owner), member is null ? null : Identifier(member)));

        public string XmlRpcDispatcher(string scope) => Unique(Words("DispatchXmlRpc", scope));

        /// <summary>The JSON metadata field of a type, by its short name: <c>List&lt;Shop.Item&gt;</c> is <c>_json_List_Item</c>.</summary>
        public string Json(string typeName)
        {
            var name = new StringBuilder();
            var word = new StringBuilder();
            foreach (var c in typeName.Replace("global::", ""))
            {
                if (char.IsLetterOrDigit(c) || c == '_')
                {
                    word.Append(c);
                    continue;
                }
                // A word before a dot is a namespace or an outer type: the short name is enough to tell types apart here.
                if (c != '.')
                {
                    AppendWord(name, word);
                }
                word.Clear();
                if (c == '[')
                {
                    word.Append("Array");
                }
            }
            AppendWord(name, word);
            return Unique("_json_" + name);
        }

        /// <summary>
        /// The root's class name, also the file's hint name, so it must be unique per root. <c>.</c> becomes <c>_</c>
        /// and <c>_</c> becomes <c>_0</c>, which no <c>.</c> can produce since no identifier starts with a digit:
        /// <c>A.B_C</c> → <c>A_B_0C</c>, <c>A_B.C</c> → <c>A_0B_C</c>. Other punctuation (a generic root's <c>&lt;,&gt;</c>)
        /// has no such escape, so those names end with a stable hash of the full name instead.
        /// </summary>
        public static string TreeClass(RootSpec root)
        {
            var typeName = root.TypeName.Replace("global::", "");
            var name = new StringBuilder();
            var escaped = true;
            foreach (var c in typeName)
            {
                if (char.IsLetterOrDigit(c))
                {
                    name.Append(c);
                }
                else
                {
                    name.Append(c == '_' ? "_0" : "_");
                    escaped &= c == '_' || c == '.';
                }
            }
            name.Append("_CherryTree");
            return escaped ? name.ToString() : name.Append('_').Append(StableHash(typeName).ToString("x8", CultureInfo.InvariantCulture)).ToString();
        }

        /// <summary>Letters and digits of <paramref name="text"/>, anything else as <c>_</c>.</summary>
        public static string Identifier(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                builder.Append(char.IsLetterOrDigit(c) ? c : '_');
            }
            return builder.ToString();
        }

        private string Unique(string name)
        {
            var candidate = name;
            for (var i = 2; !_taken.Add(candidate); i++)
            {
                candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
            }
            return candidate;
        }

        private static string Words(string first, string? second) =>
            first.Length == 0 ? second ?? "" : string.IsNullOrEmpty(second) ? first : first + "_" + second;

        private static void AppendWord(StringBuilder name, StringBuilder word)
        {
            if (word.Length > 0)
            {
                name.Append(name.Length > 0 ? "_" : "").Append(word);
            }
        }

        /// <summary>FNV-1a: the same on every machine and run, unlike <see cref="string.GetHashCode()"/>.</summary>
        private static uint StableHash(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }
            return hash;
        }
    }
}
