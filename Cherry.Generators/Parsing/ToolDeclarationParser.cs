using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cherry.Generators.Model;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cherry.Generators.Parsing
{
    /// <summary>
    /// A <c>[ToolDeclaration]</c> class → <see cref="ToolDeclarationSpec"/>: the generator emits its tool from the spec, and
    /// the analyzers (which link this file) check the attribute's uses and the app's configuration against the same spec,
    /// and report what kept a class from being one (CHERRY0023).
    /// </summary>
    internal static class ToolDeclarationParser
    {
        public const string AttributeName = "Cherry.ToolDeclarationAttribute";

        private const string Annotations = "System.ComponentModel.DataAnnotations.";

        /// <summary>The tool name <paramref name="type"/>'s <c>[ToolDeclaration]</c> gives (with its toolbox's namespace), or null when it has none.</summary>
        public static string? Declared(INamedTypeSymbol type) =>
            Attribute(type) is { ConstructorArguments: { Length: 2 } arguments } declaration && arguments[0].Value is string name
                ? Qualified(name, Toolbox(declaration))
                : null;

        private static string? Toolbox(AttributeData declaration) =>
            declaration.NamedArguments.FirstOrDefault(a => a.Key == "Namespace").Value.Value as string;

        private static AttributeData? Attribute(INamedTypeSymbol type) =>
            type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeName);

        /// <summary>
        /// The declaration of <paramref name="type"/>, or null when it has none or cannot be one; each reason it cannot, and
        /// each argument that cannot be one, goes to <paramref name="problem"/> with the symbol to report it on.
        /// </summary>
        public static ToolDeclarationSpec? Parse(INamedTypeSymbol type, Compilation compilation, Action<ISymbol, string> problem)
        {
            if (Attribute(type) is not { } declaration
                || declaration.ConstructorArguments.Length != 2
                || declaration.ConstructorArguments[0].Value is not string name
                || declaration.ConstructorArguments[1].Value is not int point)
            {
                return null;
            }
            var usable = true;
            void Refuse(ISymbol where, string why)
            {
                usable = false;
                problem(where, why);
            }

            var toolAttribute = compilation.GetTypeByMetadataName("Cherry.ToolAttribute");
            var hookPoint = compilation.GetTypeByMetadataName("Cherry.HookPoint");
            if (!TypeHierarchy.DerivesFrom(type, toolAttribute))
            {
                Refuse(type, "derive the class from ToolAttribute, so that it turns the tool on where it is put");
            }
            if (!type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                Refuse(type, "declare the class partial, so that Cherry's generator can add the tool it makes");
            }
            if (type.ContainingType is not null || type.IsGenericType || type.IsAbstract)
            {
                Refuse(type, "declare it as a non-generic, non-abstract class directly in a namespace");
            }
            var named = declaration.NamedArguments.ToDictionary(a => a.Key, a => a.Value.Value);
            var toolbox = Toolbox(declaration);
            if (NameProblem(name, toolbox) is { } badName)
            {
                Refuse(type, badName);
            }
            if (!type.InstanceConstructors.Any(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal && c.Parameters.All(p => p.HasExplicitDefaultValue || p.IsParams)))
            {
                Refuse(type, "give it a constructor that takes no arguments (optional ones are fine), so that configuration can turn the tool on by name");
            }
            var hook = Hook(type);
            if (hook is null)
            {
                Refuse(type, "give it the hook: a method ValueTask RunAsync(Request request), Task RunAsync(Request request) or void Run(Request request), "
                    + "or, to wrap the handler, ValueTask RunAsync(Request request, Func<ValueTask> handler)");
            }
            else if (hook is HookShape.WrapperValueTask or HookShape.WrapperTask && point != 2)
            {
                Refuse(type, "a hook that wraps the handler runs where the handler does: declare the tool at HookPoint.BeforeHandler");
            }
            var arguments = new List<ToolArgumentSpec>();
            foreach (var property in Properties(type, toolAttribute))
            {
                if (Argument(property, problem) is { } argument)
                {
                    if (arguments.Any(a => a.Key == argument.Key))
                    {
                        Refuse(property, $"its config key '{argument.Key}' is another property's too; rename one of them");
                    }
                    arguments.Add(argument);
                }
                else
                {
                    usable = false;
                }
            }
            if (!usable || hook is null)
            {
                return null;
            }
            var pointName = hookPoint?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.ConstantValue is int value && value == point)?.Name;
            return pointName is null ? null : new ToolDeclarationSpec(
                type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                Qualified(name, toolbox),
                pointName,
                named.TryGetValue("Priority", out var priority) && priority is int p ? p : 50,
                named.TryGetValue("Failsafe", out var failsafe) && failsafe is true,
                hook.Value,
                arguments.ToEquatableArray());
        }

        /// <summary>The shared catalog's form of a declaration, which configuration checks and attribute checks read.</summary>
        public static ToolDeclaration ToCatalogEntry(ToolDeclarationSpec spec) =>
            new ToolDeclaration(spec.Name, spec.ClassName, spec.ClassName, spec.Arguments
                .Select(a => ToolArgument.Declared(a.Kind, a.Key, a.Property, Constraints(a), a.RequiredUnset)!)
                .ToArray());

        public static ArgumentConstraints Constraints(ToolArgumentSpec argument) =>
            new ArgumentConstraints(argument.Minimum, argument.Maximum, argument.Allowed?.ToArray(), argument.Pattern, argument.Required);

        /// <summary>The tool's name as configuration and the registry know it: <c>check_access</c>, or <c>myauth.check_access</c> in a toolbox of its own.</summary>
        private static string Qualified(string name, string? toolbox) => toolbox is null or "tools" ? name : toolbox + "." + name;

        /// <summary>The namespaces Cherry reads itself: no toolbox may take one (except <c>tools</c>, the default).</summary>
        private static readonly string[] Reserved = { "request", "response", "error_page", "log", "hooks", "server", "engine", "checker" };

        /// <summary>Why a tool name (or its toolbox) cannot be a config name (<c>tools.&lt;name&gt;.on</c>), or null.</summary>
        private static string? NameProblem(string name, string? toolbox)
        {
            if (!IsConfigWord(name))
            {
                return $"the tool name '{name}' must be lower-case letters, digits and '_', starting with a letter, as in tools.{(name.Length == 0 ? "my_tool" : name)}.on";
            }
            if (toolbox is not null && (!IsConfigWord(toolbox) || Array.IndexOf(Reserved, toolbox) >= 0))
            {
                return $"the namespace '{toolbox}' must be lower-case letters, digits and '_', starting with a letter, and none of Cherry's own ({string.Join(", ", Reserved)})";
            }
            return toolbox is null or "tools" && ToolCatalog.Find(name) is { } builtIn
                ? $"the tool name '{name}' is the built-in tool {builtIn.ToolClass}'s; choose another"
                : null;
        }

        private static bool IsConfigWord(string word) =>
            word.Length > 0 && char.IsLetter(word[0]) && word.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_');

        private static HookShape? Hook(INamedTypeSymbol type)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (method.IsStatic || method.Parameters.Length is not (1 or 2) || method.Parameters[0].Type.ToDisplayString() != "Cherry.Request" || method.IsGenericMethod)
                {
                    continue;
                }
                var returns = method.ReturnType.ToDisplayString();
                if (method.Parameters.Length == 2)
                {
                    if (method.Name == "RunAsync" && method.Parameters[1].Type.ToDisplayString() == "System.Func<System.Threading.Tasks.ValueTask>")
                    {
                        if (returns == "System.Threading.Tasks.ValueTask")
                        {
                            return HookShape.WrapperValueTask;
                        }
                        if (returns == "System.Threading.Tasks.Task")
                        {
                            return HookShape.WrapperTask;
                        }
                    }
                    continue;
                }
                if (method.Name == "RunAsync" && returns == "System.Threading.Tasks.ValueTask")
                {
                    return HookShape.ValueTask;
                }
                if (method.Name == "RunAsync" && returns == "System.Threading.Tasks.Task")
                {
                    return HookShape.Task;
                }
                if (method.Name == "Run" && method.ReturnsVoid)
                {
                    return HookShape.Void;
                }
            }
            return null;
        }

        /// <summary>The public settable instance properties of the class and its bases below ToolAttribute: what named attribute arguments can set.</summary>
        private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type, INamedTypeSymbol? toolAttribute)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, toolAttribute); current = current.BaseType)
            {
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (!property.IsStatic && !property.IsIndexer && property.DeclaredAccessibility == Accessibility.Public
                        && property.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false } && seen.Add(property.Name))
                    {
                        yield return property;
                    }
                }
            }
        }

        private static ToolArgumentSpec? Argument(IPropertySymbol property, Action<ISymbol, string> problem)
        {
            var kind = KindOf(property.Type);
            if (kind is null)
            {
                problem(property, $"a tool argument is one of {string.Join(", ", ToolArgument.Kinds)} (configuration's values read as those); {property.Type.ToDisplayString()} is not");
                return null;
            }
            double? minimum = null, maximum = null;
            string[]? allowed = null;
            string? pattern = null;
            var required = false;
            var usable = true;
            var numeric = kind is "int" or "double";
            var textual = kind is "string" or "string?" or "string[]";
            foreach (var attribute in property.GetAttributes())
            {
                var name = attribute.AttributeClass?.ToDisplayString() ?? "";
                if (!name.StartsWith(Annotations, StringComparison.Ordinal))
                {
                    continue;
                }
                switch (name.Substring(Annotations.Length))
                {
                    case "RangeAttribute" when numeric && attribute.ConstructorArguments.Length == 2:
                        minimum = Number(attribute.ConstructorArguments[0].Value);
                        maximum = Number(attribute.ConstructorArguments[1].Value);
                        break;
                    case "RequiredAttribute" when textual:
                        required = true;
                        break;
                    case "AllowedValuesAttribute" when textual && attribute.ConstructorArguments.Length == 1:
                        allowed = attribute.ConstructorArguments[0].Values.Select(v => v.Value as string ?? "").ToArray();
                        break;
                    case "RegularExpressionAttribute" when textual && attribute.ConstructorArguments.Length == 1:
                        pattern = attribute.ConstructorArguments[0].Value as string;
                        break;
                    case "RangeAttribute":
                    case "RequiredAttribute":
                    case "AllowedValuesAttribute":
                    case "RegularExpressionAttribute":
                        problem(property, $"[{name.Substring(Annotations.Length, name.Length - Annotations.Length - "Attribute".Length)}] does not apply to a {kind} argument: [Range] takes an int or double one with two numbers, [Required], [AllowedValues] and [RegularExpression] a text or list one");
                        usable = false;
                        break;
                }
            }
            var constraints = new ArgumentConstraints(minimum, maximum, allowed, pattern, required);
            if (constraints.Problem() is { } bad)
            {
                problem(property, bad);
                usable = false;
            }
            return usable
                ? new ToolArgumentSpec(property.Name, SegmentNaming.FromMemberName(property.Name), kind, minimum, maximum, allowed?.ToEquatableArray(), pattern, required,
                    required && !HasInitializer(property))
                : null;
        }

        private static double? Number(object? value) => value is IConvertible convertible ? convertible.ToDouble(CultureInfo.InvariantCulture) : null;

        private static string? KindOf(ITypeSymbol type) => type switch
        {
            { SpecialType: SpecialType.System_String } => type.NullableAnnotation == NullableAnnotation.Annotated ? "string?" : "string",
            { SpecialType: SpecialType.System_Boolean } => "bool",
            { SpecialType: SpecialType.System_Int32 } => "int",
            { SpecialType: SpecialType.System_Double } => "double",
            IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String, NullableAnnotation: not NullableAnnotation.Annotated } => "string[]",
            _ => null,
        };

        private static bool HasInitializer(IPropertySymbol property) =>
            property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null });
    }
}
