using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Cherry.Analyzers
{
    /// <summary>One configured key the build can see, with its value read by its source's rule (an INI literal as text, JSON and code plain).</summary>
    internal sealed class ConfiguredKey
    {
        public ConfiguredKey(string section, string key, string? value, Location location, bool isKnown = true)
        {
            Section = section;
            Key = key;
            Value = value;
            Location = location;
            IsKnown = isKnown;
            TreePath = MountConfiguration.TreePathOf(section);
        }

        /// <summary>The tree path the section names (<c>global</c> is the whole tree).</summary>
        public string TreePath { get; }

        /// <summary>The section as written: <c>global</c> or a path.</summary>
        public string Section { get; }

        public string Key { get; }

        /// <summary>The value as plain text; null is Python's <c>None</c>.</summary>
        public string? Value { get; }

        /// <summary>Its line in the config file, or the key argument of the <c>Set</c> call in C#.</summary>
        public Location Location { get; }

        /// <summary>False for a value computed at run time (<c>Set("/files", "tools.staticdir.dir", Path.Combine(...))</c>).</summary>
        public bool IsKnown { get; }
    }

    /// <summary>
    /// The configuration of one mounted app as far as the build can see it, in the order start-up merges it: the
    /// appsettings files' <c>Cherry:Global</c> and <c>Cherry:Apps:&lt;mount&gt;</c> keys, then the INI files its
    /// <c>MapCherry</c> call loads, then its constant <c>Set</c> calls. <see cref="Complete"/> is false when the call
    /// loads something the build cannot read (a file that is not an AdditionalFile, a computed key, <c>Add(config)</c>),
    /// so a judgement that needs every key stays silent. Environment variables and the command line are start-up's.
    /// </summary>
    internal sealed class MountConfiguration
    {
        /// <summary>The keys by name, in merge order: a fold reads only the keys it asks for.</summary>
        private readonly Dictionary<string, List<ConfiguredKey>> _byKey;

        private MountConfiguration(ImmutableArray<ConfiguredKey> keys, bool complete, ImmutableArray<string> iniFileNames)
        {
            Keys = keys;
            Complete = complete;
            IniFileNames = iniFileNames;
            _byKey = keys.GroupBy(k => k.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        }

        public ImmutableArray<ConfiguredKey> Keys { get; }

        public bool Complete { get; }

        /// <summary>The names of the INI files the call's <c>AddIniFile</c> calls may load (constants in their arguments).</summary>
        public ImmutableArray<string> IniFileNames { get; }

        public static MountConfiguration Read(MapCherryCall mount, ImmutableArray<AdditionalText> files, CancellationToken cancellation)
        {
            var keys = ImmutableArray.CreateBuilder<ConfiguredKey>();
            foreach (var file in files.Where(f => IsAppSettings(f.Path)).OrderBy(f => f.Path.Length))
            {
                if (file.GetText(cancellation) is { } text)
                {
                    // An array's items are one list value, as start-up joins them.
                    foreach (var item in AppSettingsKeys(file.Path, text, out _).Where(k => k.Mount is null || k.Mount == mount.ScriptName))
                    {
                        var last = keys.Count - 1;
                        if (item.InArray && last >= 0 && keys[last].Key == item.Key.Key && keys[last].Section == item.Key.Section)
                        {
                            keys[last] = new ConfiguredKey(item.Key.Section, item.Key.Key, keys[last].Value + ", " + item.Key.Value, keys[last].Location);
                        }
                        else
                        {
                            keys.Add(item.Key);
                        }
                    }
                }
            }
            var complete = true;
            var iniFileNames = ImmutableArray.CreateBuilder<string>();
            var configure = mount.Argument("configure");
            if (configure is IAnonymousFunctionOperation lambda)
            {
                foreach (var call in lambda.Body.Descendants().OfType<IInvocationOperation>())
                {
                    var constants = call.Arguments.Select(a => a.Value.ConstantValue is { HasValue: true } c ? c.Value as string : null).ToList();
                    switch (call.TargetMethod.Name)
                    {
                        case "Set" when constants.Count == 3 && constants[0] is { } section && constants[1] is { } key:
                            keys.Add(new ConfiguredKey(section, key, constants[2], call.Arguments[1].Syntax.GetLocation(), isKnown: call.Arguments[2].Value.ConstantValue.HasValue));
                            break;
                        case "AddIniFile":
                            var names = MapCherryCall.IniFileNames(call).ToList();
                            iniFileNames.AddRange(names);
                            if (files.FirstOrDefault(f => names.Contains(Path.GetFileName(f.Path), StringComparer.OrdinalIgnoreCase)) is { } file
                                && file.GetText(cancellation) is { } text)
                            {
                                keys.AddRange(IniKeys(file.Path, text));
                            }
                            else
                            {
                                complete = false;
                            }
                            break;
                        case "Set":
                        case "Add":
                            complete = false;
                            break;
                    }
                }
            }
            else if (configure is not null)
            {
                complete = false;
            }
            return new MountConfiguration(keys.ToImmutable(), complete, iniFileNames.ToImmutable());
        }

        /// <summary>Whether any source sets <paramref name="key"/>, in any section.</summary>
        public bool Sets(string key) => _byKey.ContainsKey(key);

        /// <summary>
        /// The value of <paramref name="key"/> in force at <paramref name="treePath"/>, as start-up folds it: the deepest
        /// section enclosing the path that sets the key, the last source within it; null when nothing sets it.
        /// </summary>
        public ConfiguredKey? At(string treePath, string key)
        {
            ConfiguredKey? found = null;
            var depth = -1;
            if (!_byKey.TryGetValue(key, out var candidates))
            {
                return null;
            }
            foreach (var configured in candidates)
            {
                var section = configured.TreePath;
                var sectionDepth = configured.Section == ConfigGrammar.GlobalSection ? 0 : section.Length + 1;
                if (Encloses(section, treePath) && sectionDepth >= depth)
                {
                    (found, depth) = (configured, sectionDepth);
                }
            }
            return found;
        }

        /// <summary>Whether a switch's value reads as on (<c>True</c>, <c>1</c>, <c>on</c>, <c>yes</c>).</summary>
        public static bool IsTrue(string? value) => value is not null && ConfigGrammar.TryParseBoolean(value, out var on) && on;

        /// <summary>The tree path a section names (<c>global</c> is the whole tree).</summary>
        public static string TreePathOf(string section) =>
            section == ConfigGrammar.GlobalSection ? "/" : ConfigGrammar.TreePath("/" + section.Trim().Trim('/'));

        public static bool Encloses(string section, string path) =>
            section == "/" || path == section || path.StartsWith(section + "/", StringComparison.Ordinal);

        public static bool IsAppSettings(string path)
        {
            var name = Path.GetFileName(path);
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>An INI file's entries that start-up would take, their values read as Python literals.</summary>
        private static IEnumerable<ConfiguredKey> IniKeys(string path, SourceText text)
        {
            foreach (var entry in IniLines.Read(new StringReader(text.ToString())))
            {
                if (entry.Problem is null && entry.Section is { } section && IniLiteral.TryParse(entry.Value, out var value))
                {
                    yield return new ConfiguredKey(section, entry.Key, value, LineLocation(path, text, entry.Line));
                }
            }
        }

        /// <summary>
        /// An appsettings file's <c>Cherry:Global</c> keys (mount null) and <c>Cherry:Apps:&lt;mount&gt;:&lt;section&gt;</c> keys,
        /// nested objects joined with dots and an array's items one list value, as start-up reads them; those before
        /// <paramref name="faultLine"/>, where the file stops being JSON (null when it parses to its end).
        /// </summary>
        public static List<(string? Mount, ConfiguredKey Key, JsonLeaf Leaf, bool InArray)> AppSettingsKeys(string path, SourceText text, out int? faultLine)
        {
            var keys = new List<(string? Mount, ConfiguredKey Key, JsonLeaf Leaf, bool InArray)>();
            foreach (var leaf in JsonLines.Read(text.ToString(), out faultLine))
            {
                var names = leaf.Path;
                if (names.Length < 3 || !names[0].Equals("Cherry", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                string section;
                string? mount = null;
                int keyStart;
                if (names[1].Equals("Global", StringComparison.OrdinalIgnoreCase))
                {
                    (section, keyStart) = (ConfigGrammar.GlobalSection, 2);
                }
                else if (names[1].Equals("Apps", StringComparison.OrdinalIgnoreCase) && names.Length >= 5)
                {
                    (mount, section, keyStart) = (ConfigGrammar.ScriptName(names[2]), names[3], 4);
                }
                else
                {
                    continue;
                }
                var inArray = int.TryParse(names[names.Length - 1], out _);
                var key = string.Join(".", names, keyStart, names.Length - keyStart - (inArray ? 1 : 0));
                if (key.Length > 0)
                {
                    keys.Add((mount, new ConfiguredKey(section, key, leaf.Value, LineLocation(path, text, leaf.Line)), leaf, inArray));
                }
            }
            return keys;
        }

        /// <summary>A whole line of a config file (1-based), as a diagnostic's location.</summary>
        public static Location LineLocation(string path, SourceText text, int line)
        {
            var index = Math.Max(0, Math.Min(line - 1, text.Lines.Count - 1));
            var span = text.Lines.Count == 0 ? default : text.Lines[index].Span;
            return Location.Create(path, span, new LinePositionSpan(new LinePosition(index, 0), new LinePosition(index, span.Length)));
        }
    }
}
