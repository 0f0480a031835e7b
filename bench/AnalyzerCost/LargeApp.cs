using System.Text;

/// <summary>Writes a Cherry app of N handlers: a root with one sub-tree per ten handlers, mixed tools and parameters.</summary>
internal static class LargeApp
{
    public static List<(string Name, string Text)> Sources(int handlers)
    {
        var sections = Math.Max(1, handlers / 10);
        var files = new List<(string, string)>();
        var root = new StringBuilder("using Cherry;\n\nnamespace LargeApp;\n\npublic sealed class Root\n{\n");
        for (var s = 0; s < sections; s++)
        {
            root.Append($"    public Section{s} Section{s} {{ get; }} = new();\n");
        }
        root.Append("\n    [Exposed] public string Index() => \"root\";\n}\n");
        files.Add(("Root.cs", root.ToString()));
        for (var s = 0; s < sections; s++)
        {
            var section = new StringBuilder($"using Cherry;\n\nnamespace LargeApp;\n\n{(s % 3 == 0 ? "[Caching(Delay = 60)]\n" : "")}public sealed class Section{s}\n{{\n");
            for (var h = 0; h < 10 && s * 10 + h < handlers; h++)
            {
                section.Append((h % 4) switch
                {
                    0 => $"    [Exposed] public string Handler{h}(string name = \"x\") => \"{s}.{h} \" + name;\n",
                    1 => $"    [Exposed, Expires(Secs = 30)] public string Handler{h}(int id, bool flag = false) => \"{s}.{h} \" + id + flag;\n",
                    2 => $"    [Exposed, JsonOut] public Item Handler{h}(string id) => new(id, {h});\n",
                    _ => $"    [Exposed(\"handler{h}.html\"), Allow(\"GET\", \"POST\")] public System.Threading.Tasks.Task<string> Handler{h}(params string[] rest) => System.Threading.Tasks.Task.FromResult(string.Join(\"/\", rest));\n",
                });
            }
            section.Append("}\n");
            files.Add(($"Section{s}.cs", section.ToString()));
        }
        files.Add(("Json.cs", """
            using System.Text.Json.Serialization;

            namespace LargeApp;

            public sealed record Item(string Id, int Rank);

            // Abstract: System.Text.Json's own generator is not part of this measurement.
            [JsonSerializable(typeof(Item))]
            internal abstract partial class LargeJson : JsonSerializerContext
            {
                protected LargeJson() : base(null) { }
            }
            """));
        files.Add(("Program.cs", """
            using Cherry;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            namespace LargeApp;

            public static class Startup
            {
                public static void Services(IServiceCollection services)
                {
                    services.AddKeyedSingleton<CheckPassword>("staff", (realm, user, password) => password == "secret");
                    services.AddKeyedSingleton("default", new SessionAuthenticator { CheckUsernameAndPassword = (user, password) => null });
                }

                public static void Map(WebApplication app) => app.MapCherry<Root>("/", o => o.AddIniFile("large.conf"));
            }
            """));
        return files;
    }

    /// <summary>
    /// An INI file of about <paramref name="lines"/> lines for the app of <paramref name="handlers"/> handlers: a section per
    /// handler (some through punctuation, as [/sectionN/handlerM.html]) with tool switches, arguments and headers, all valid;
    /// every tenth section also switches on auth_basic or session_auth with what they need, so their needs are judged.
    /// </summary>
    public static string Config(int handlers, int lines)
    {
        var text = new StringBuilder("[global]\ntools.gzip.on = True\nlog.screen = True\n\n[/]\ntools.encode.encoding = 'utf-8'\ncolour = 'red'\n");
        for (var i = 0; text.ToString().Split('\n').Length < lines; i++)
        {
            var (s, h) = (i / 10 % Math.Max(1, handlers / 10), i % 10);
            text.Append(h % 4 == 3 ? $"\n[/section{s}/handler{h}.html]\n" : $"\n[/section{s}/handler{h}]\n")
                .Append("tools.expires.on = True\ntools.expires.secs = ").Append(60 + i).Append('\n')
                .Append("response.headers.X-Handler = '").Append(s).Append('.').Append(h).Append("'\n")
                .Append(h != 0 ? "" : s % 2 == 0 ? "tools.auth_basic.on = True\ntools.auth_basic.realm = 'staff'\n" : "tools.sessions.on = True\ntools.session_auth.on = True\n");
        }
        return text.ToString();
    }

    public static void Write(string directory, List<(string Name, string Text)> files)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }
    }
}
