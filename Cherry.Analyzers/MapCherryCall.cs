using System.Collections.Generic;
using System.Linq;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cherry.Analyzers
{
    /// <summary>A <c>MapCherry&lt;TRoot&gt;(...)</c> call with a constant script name, as the whole-tree analyzers read it.</summary>
    internal sealed class MapCherryCall
    {
        private MapCherryCall(IInvocationOperation invocation, ITypeSymbol root, string scriptName)
        {
            Invocation = invocation;
            Root = root;
            ScriptName = scriptName;
        }

        public IInvocationOperation Invocation { get; }

        public ITypeSymbol Root { get; }

        /// <summary>Normalised: <c>"x/"</c>, <c>"/x"</c> and <c>"/x/"</c> are all <c>"/x"</c>; the default is <c>"/"</c>.</summary>
        public string ScriptName { get; }

        /// <summary>The root class a <c>MapCherry&lt;TRoot&gt;</c> or <c>Quickstart.RunAsync&lt;TRoot&gt;</c> call mounts, whatever its script name; null for other calls.</summary>
        public static ITypeSymbol? RootOf(IInvocationOperation invocation, INamedTypeSymbol? container)
        {
            var method = invocation.TargetMethod;
            return (method.Name == "MapCherry" && Symbols.Is(method.ContainingType, container) || WellKnownNames.MountsRoot(method))
                && method.TypeArguments.Length == 1 && invocation.Arguments.Length > 0
                ? method.TypeArguments[0]
                : null;
        }

        public static MapCherryCall? From(IInvocationOperation invocation, INamedTypeSymbol? container)
        {
            var method = invocation.TargetMethod;
            if (RootOf(invocation, container) is null)
            {
                return null;
            }
            var scriptName = Argument(invocation, "scriptName") is not { } script
                ? "/"
                : script.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            return scriptName is null ? null : new MapCherryCall(invocation, method.TypeArguments[0], ConfigGrammar.ScriptName(scriptName));
        }

        /// <summary>
        /// The file names an <c>AddIniFile</c> call may load: every string constant in its argument, as a file name (the
        /// name is often built with Path.Combine from a constant and a directory known only at run time).
        /// </summary>
        public static IEnumerable<string> IniFileNames(IInvocationOperation addIniFile) =>
            addIniFile.Arguments.SelectMany(a => a.Value.DescendantsAndSelf())
                .Select(o => o.ConstantValue is { HasValue: true, Value: string name } ? System.IO.Path.GetFileName(name) : null)
                .Where(n => !string.IsNullOrEmpty(n))
                .Select(n => n!);

        /// <summary>The value passed for a parameter, through conversions; null when the default applies.</summary>
        public IOperation? Argument(string parameter) => Argument(Invocation, parameter);

        private static IOperation? Argument(IInvocationOperation invocation, string parameter) =>
            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter) is { ArgumentKind: not ArgumentKind.DefaultValue } argument
                ? Unwrap(argument.Value)
                : null;

        private static IOperation Unwrap(IOperation operation) => operation switch
        {
            IConversionOperation conversion => Unwrap(conversion.Operand),
            IDelegateCreationOperation creation => Unwrap(creation.Target),
            _ => operation,
        };
    }
}
