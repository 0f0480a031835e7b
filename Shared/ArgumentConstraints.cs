using System;
using System.Text.RegularExpressions;

namespace Cherry.Shared
{
    /// <summary>
    /// The rule a user's tool argument declares with System.ComponentModel.DataAnnotations attributes on its property
    /// (<c>[Range]</c>, <c>[Required]</c>, <c>[AllowedValues]</c>, <c>[RegularExpression]</c>), as plain facts: the
    /// analyzers read them from the property and hold an attribute's constants and configuration's values to them at
    /// build time; the generated binder passes the same facts to the runtime, which holds the final value to them at
    /// start-up. One reading of the facts (<see cref="Rule{T}"/>) serves both.
    /// </summary>
    internal sealed class ArgumentConstraints
    {
        public static readonly ArgumentConstraints None = new ArgumentConstraints(null, null, null, null, false);

        public ArgumentConstraints(double? minimum, double? maximum, string[]? allowed, string? pattern, bool required)
        {
            Minimum = minimum;
            Maximum = maximum;
            Allowed = allowed;
            Pattern = pattern;
            Required = required;
        }

        public double? Minimum { get; }

        public double? Maximum { get; }

        /// <summary>The values a text argument (or each item of a list) may take; null when any may.</summary>
        public string[]? Allowed { get; }

        /// <summary>A regular expression a text argument (or each item of a list) must match whole; null when none.</summary>
        public string? Pattern { get; }

        /// <summary>Text that may not be empty, a list that may not be empty.</summary>
        public bool Required { get; }

        public bool IsEmpty => Minimum is null && Maximum is null && Allowed is null && Pattern is null && !Required;

        /// <summary>The rule these facts make for a <typeparamref name="T"/> argument set by <paramref name="property"/>; null when there is none.</summary>
        public Func<T, string?>? Rule<T>(string property)
        {
            if (IsEmpty)
            {
                return null;
            }
            if (typeof(T) == typeof(int))
            {
                return value => Number(property, (int)(object)value!);
            }
            if (typeof(T) == typeof(double))
            {
                return value => Number(property, (double)(object)value!);
            }
            if (typeof(T) == typeof(string))
            {
                return value => Text(property, (string?)(object?)value);
            }
            if (typeof(T) == typeof(string[]))
            {
                return value => List(property, (string[]?)(object?)value);
            }
            return null;
        }

        /// <summary>What is wrong with the constraints themselves (a pattern that is no regular expression), or null.</summary>
        public string? Problem()
        {
            if (Minimum is { } min && Maximum is { } max && min > max)
            {
                return $"the range's minimum {min} is above its maximum {max}";
            }
            if (Pattern is not null)
            {
                try
                {
                    _ = new Regex(Pattern);
                }
                catch (ArgumentException e)
                {
                    return $"the pattern '{Pattern}' is not a valid regular expression: {e.Message}";
                }
            }
            return null;
        }

        private string? Number(string property, double value) =>
            Minimum is { } min && value < min || Maximum is { } max && value > max
                ? $"{property} must be from {Minimum} to {Maximum} (it is {value})"
                : null;

        private string? Text(string property, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return Required ? $"{property} is required" : null;
            }
            return Item(property, value!);
        }

        private string? List(string property, string[]? values)
        {
            if (values is null || values.Length == 0)
            {
                return Required ? $"{property} needs at least one value" : null;
            }
            foreach (var value in values)
            {
                if (Item(property, value) is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }

        private string? Item(string property, string value)
        {
            if (Allowed is not null && Array.IndexOf(Allowed, value) < 0)
            {
                return $"{property} cannot be '{value}' (it takes {string.Join(", ", Allowed)})";
            }
            // [RegularExpression]'s own reading: the whole value must match.
            if (Pattern is not null && Regex.Match(value, Pattern) is var match && !(match.Success && match.Index == 0 && match.Length == value.Length))
            {
                return $"{property} '{value}' does not match the pattern {Pattern}";
            }
            return null;
        }
    }
}
