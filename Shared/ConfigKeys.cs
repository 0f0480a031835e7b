using System;
using System.Collections.Generic;
using System.Linq;

namespace Cherry.Shared
{
    /// <summary>
    /// The build's judgement of one configuration key and its value, wherever it is written (an INI file, appsettings
    /// JSON, a <c>[Config]</c> attribute): the keys and tools of the catalog with a "did you mean", each argument's reading
    /// and rule, and the keys of the app's typed namespaces. Start-up judges the same keys in ChainFactory.
    /// </summary>
    internal static class ConfigKeys
    {
        /// <summary>The namespaces Cherry reads; a dotted key in another is the app's own (or a declared namespace).</summary>
        private static readonly string[] CherryNamespaces = { "tools", "request", "response", "error_page", "log", "hooks" };

        /// <summary>What is wrong with a key and its value as read (an INI literal to text, or a plain value), or null.</summary>
        /// <param name="userTools">
        /// The app's own tools by name, each with its declaration (a <c>[ToolDeclaration]</c> class's), or null where its
        /// arguments are not declared (a hand-written Tool class); null when some name cannot be read, so that any tool name may be one.
        /// </param>
        /// <param name="typed">The app's typed namespaces by name (<c>options.ConfigNamespace&lt;T&gt;("db")</c>).</param>
        /// <param name="hooks">The names the app registers bare hooks under (<c>options.Hooks.Register</c>); null when some cannot be read.</param>
        public static ConfigFinding? Check(string key, string? value, IReadOnlyDictionary<string, ToolDeclaration?>? userTools,
            IReadOnlyDictionary<string, ConfigOptionsType>? typed = null, ICollection<string>? hooks = null)
        {
            if (key.StartsWith(ConfigGrammar.Hooks.Prefix, StringComparison.Ordinal))
            {
                return ConfigGrammar.Hooks.Problem(key, value, hooks, out var ofKey) is { } problem
                    ? new ConfigFinding(ofKey ? ConfigProblem.UnknownKey : ConfigProblem.InvalidValue, problem)
                    : null;
            }
            if (key.StartsWith("tools.", StringComparison.Ordinal))
            {
                return CheckTool("", key.Substring("tools.".Length), value, userTools);
            }
            if (ConfigGrammar.Settings.All.Contains(key))
            {
                return key is ConfigGrammar.Settings.QueryStringEncoding or ConfigGrammar.Settings.MethodsWithBodies || value is not null && ConfigGrammar.TryParseBoolean(value, out _)
                    ? null
                    : new ConfigFinding(ConfigProblem.InvalidValue, "expected True or False.");
            }
            var dot = key.IndexOf('.');
            // A toolbox of the app's own (myauth.check_access.on): its keys are judged as tools' keys.
            if (dot > 0 && userTools is not null && userTools.Keys.Any(t => t.StartsWith(key.Substring(0, dot + 1), StringComparison.Ordinal)))
            {
                return CheckTool(key.Substring(0, dot + 1), key.Substring(dot + 1), value, userTools);
            }
            if (dot > 0 && typed is not null && typed.TryGetValue(key.Substring(0, dot), out var options))
            {
                return options.Check(key.Substring(dot + 1), value);
            }
            if (ConfigGrammar.Log.All.Contains(key) || key.StartsWith("response.headers.", StringComparison.Ordinal)
                || key.StartsWith("error_page.", StringComparison.Ordinal) || dot < 0 || !CherryNamespaces.Contains(key.Substring(0, dot)))
            {
                return null;
            }
            return ConfigFinding.Unknown("unknown key.", key, ConfigGrammar.Settings.All.Concat(ConfigGrammar.Log.All));
        }

        /// <param name="toolbox">A toolbox's namespace and its dot (<c>myauth.</c>), which the tool's name carries; empty under <c>tools.</c>.</param>
        /// <param name="rest">The key after <c>tools.</c> or the toolbox's namespace: <c>&lt;name&gt;.&lt;argument&gt;</c>.</param>
        private static ConfigFinding? CheckTool(string toolbox, string rest, string? value, IReadOnlyDictionary<string, ToolDeclaration?>? userTools)
        {
            var dot = rest.IndexOf('.');
            if (dot <= 0 || dot == rest.Length - 1)
            {
                return new ConfigFinding(ConfigProblem.UnknownKey, $"a tool key is {(toolbox.Length == 0 ? "tools." : toolbox)}<name>.<argument>.");
            }
            var (name, argument) = (toolbox + rest.Substring(0, dot), rest.Substring(dot + 1));
            // on and priority: every tool's, built in or the app's own.
            var common = ToolCatalog.Common.All.FirstOrDefault(a => a.Key == argument);
            if (common?.CheckConfigured(value) is { } problem)
            {
                return new ConfigFinding(ConfigProblem.InvalidValue, problem);
            }
            if ((ToolCatalog.Find(name) ?? (userTools is not null && userTools.TryGetValue(name, out var own) ? own : null)) is { } declaration)
            {
                if (common is not null)
                {
                    return null;
                }
                if (declaration.Arguments.FirstOrDefault(a => a.Key == argument) is not { } declared)
                {
                    return ConfigFinding.Unknown($"the tool '{name}' has no argument '{argument}'.", argument, declaration.Arguments.Concat(ToolCatalog.Common.All).Select(a => a.Key));
                }
                return declared.CheckConfigured(value) is { } verdict ? new ConfigFinding(ConfigProblem.InvalidValue, verdict) : null;
            }
            if (userTools is null || userTools.ContainsKey(name))
            {
                return null;
            }
            return ConfigFinding.Unknown($"there is no tool named '{name}'.", name, ToolCatalog.All.Select(t => t.Name).Concat(userTools.Keys));
        }
    }
}
