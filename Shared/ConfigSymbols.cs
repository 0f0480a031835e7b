using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cherry.Shared
{
    /// <summary>
    /// Configuration written in C#, read the same way by the generator (which emits it) and the analyzers (which check
    /// it): <c>[Config(key, value)]</c> attributes with their values as plain text, and the options class a
    /// <c>ConfigNamespace&lt;T&gt;(name)</c> call binds.
    /// </summary>
    internal static class ConfigSymbols
    {
        public const string ConfigAttribute = "Cherry.ConfigAttribute";
        public const string CherryOptions = "Cherry.CherryOptions";
        public const string ConfigNamespaceMethod = "ConfigNamespace";

        /// <summary>
        /// A <c>[Config]</c> attribute's key and value, or null for another attribute (or one the compiler refuses).
        /// </summary>
        public static (string Key, string? Value)? Read(AttributeData attribute) =>
            attribute.AttributeClass?.ToDisplayString() == ConfigAttribute
            && attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[0].Value is string key
                ? (key, PlainText(attribute.ConstructorArguments[1]))
                : null;

        /// <summary>
        /// The <c>[Config]</c> attributes of a class, base classes first and each class's in the order written, so that a
        /// later one overrides an earlier one of the same key (a derived class's over its base's, as Python's lookup of
        /// <c>_cp_config</c> does).
        /// </summary>
        /// <returns>Each key with the class that wrote it.</returns>
        public static IEnumerable<(INamedTypeSymbol Owner, string Key, string? Value)> OfClass(INamedTypeSymbol type) =>
            BaseFirst(type).SelectMany(level => OfMember(level).Select(c => (level, c.Key, c.Value)));

        /// <summary>The <c>[Config]</c> attributes written on one symbol, in order.</summary>
        public static IEnumerable<(string Key, string? Value)> OfMember(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (Read(attribute) is { } entry)
                {
                    yield return entry;
                }
            }
        }

        /// <summary>
        /// A constant as configuration's plain text, the rule outside INI files: a switch <c>True</c>/<c>False</c>,
        /// numbers invariant, text as it is, an enum member by name, an array as <c>a, b</c>; null is Python's None.
        /// </summary>
        public static string? PlainText(TypedConstant constant)
        {
            if (constant.IsNull)
            {
                return null;
            }
            switch (constant.Kind)
            {
                case TypedConstantKind.Array:
                    return string.Join(", ", constant.Values.Select(PlainText));
                case TypedConstantKind.Enum:
                    var member = constant.Type!.GetMembers().OfType<IFieldSymbol>()
                        .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value));
                    return member?.Name ?? Convert.ToString(constant.Value, CultureInfo.InvariantCulture);
                default:
                    return constant.Value switch
                    {
                        bool on => on ? "True" : "False",
                        double real => real.ToString("R", CultureInfo.InvariantCulture),
                        float real => real.ToString("R", CultureInfo.InvariantCulture),
                        _ => Convert.ToString(constant.Value, CultureInfo.InvariantCulture),
                    };
            }
        }

        /// <summary>
        /// The options class of a <c>CherryOptions.ConfigNamespace&lt;T&gt;(name)</c> call and its name; null for another call
        /// or a name the build cannot read.
        /// </summary>
        public static (string Name, INamedTypeSymbol Type)? Namespace(IMethodSymbol method, Func<int, object?> constantArgument) =>
            method.Name == ConfigNamespaceMethod && method.ContainingType?.ToDisplayString() == CherryOptions
            && method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol type && constantArgument(0) is string name
                ? (name, type)
                : null;

        /// <summary>
        /// The public settable instance properties of an options class that configuration can set, in declaration order
        /// (base classes first), with their kinds; others are not keys.
        /// </summary>
        public static IEnumerable<(IPropertySymbol Property, ConfigValueKind Kind)> SettableProperties(INamedTypeSymbol type)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in BaseFirst(type).SelectMany(l => l.GetMembers()).OfType<IPropertySymbol>().Reverse())
            {
                // Most derived first, so an override or a hiding property is the one kept.
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false } || !seen.Add(property.Name))
                {
                    continue;
                }
                if (KindOf(property.Type) is { } kind)
                {
                    yield return (property, kind);
                }
            }
        }

        /// <summary>A class and its base classes up to <c>object</c>, the base first.</summary>
        private static IEnumerable<INamedTypeSymbol> BaseFirst(INamedTypeSymbol type)
        {
            var levels = new List<INamedTypeSymbol>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                levels.Insert(0, current);
            }
            return levels;
        }

        /// <summary>The build's view of an options class: its keys and how each value reads.</summary>
        public static ConfigOptionsType OptionsType(INamedTypeSymbol type) =>
            new ConfigOptionsType(type.Name, SettableProperties(type).Reverse().Select(p => new ConfigOptionsProperty(p.Property.Name, p.Kind, EnumNames(p.Property.Type))));

        /// <summary>An enum's member names, or null for another type.</summary>
        public static IReadOnlyList<string>? EnumNames(ITypeSymbol type) =>
            type.TypeKind == TypeKind.Enum ? type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToList() : null;

        private static ConfigValueKind? KindOf(ITypeSymbol type) => type switch
        {
            { SpecialType: SpecialType.System_String } => ConfigValueKind.Text,
            { SpecialType: SpecialType.System_Boolean } => ConfigValueKind.Boolean,
            { SpecialType: SpecialType.System_Int32 } => ConfigValueKind.Int32,
            { SpecialType: SpecialType.System_Int64 } => ConfigValueKind.Int64,
            { SpecialType: SpecialType.System_Double } => ConfigValueKind.Double,
            { TypeKind: TypeKind.Enum } => ConfigValueKind.Enum,
            IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String } => ConfigValueKind.List,
            _ => null,
        };
    }
}
