using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Cherry.Infrastructure;

/// <summary>
/// One request's DataAnnotations check of a handler's arguments, run by the generated invoker after binding and before
/// the call. The generator writes a typed walk of each validated type (members read as properties, no reflection); this
/// class applies the framework's rules and gathers the errors, keyed as ASP.NET Core's validation keys them: a query or
/// form parameter by its name, a JSON body's members by their JSON names from the document's root (<c>lines[0].sku</c>).
/// A member's <c>[Required]</c> failing skips its other rules; a type's own rules and <c>IValidatableObject.Validate</c>
/// run once its members pass. Any error ends the request with a 400 problem document (or the HTML error page) listing
/// them all. <c>AddValidation()</c>'s <c>MaxDepth</c>, read once at start-up (<see cref="MountedApp.ValidationMaxDepth"/>), bounds the nesting it follows.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ArgumentValidation
{
    /// <summary>The type URI ASP.NET Core's validation problems carry (RFC 9110's 400).</summary>
    public const string ProblemType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    /// <summary>Microsoft.Extensions.Validation's default depth, which <c>AddValidation()</c> lets an app change.</summary>
    internal const int DefaultMaxDepth = 32;

    // How many errors the message (the HTML page's text) lists; the problem document's errors hold them all.
    private const int ListedErrors = 20;

    private readonly Request _request;
    private readonly object _target;
    private readonly int _maxDepth;
    private readonly List<object> _path = [];
    private Dictionary<string, List<string>>? _errors;
    private JsonNamingPolicy? _naming;
    private int _depth;

    /// <param name="target">The handler's node: the instance a parameter's rules see as their validation context's object.</param>
    public ArgumentValidation(Request request, object target)
    {
        _request = request;
        _target = target;
        _maxDepth = request.App.ValidationMaxDepth;
    }

    /// <summary>How many errors so far: a type's own rules run only when its members added none.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>A parameter's own rules; its errors are keyed by its name.</summary>
    public void Parameter(object? value, string name, string displayName, ValidationAttribute[] rules) =>
        Check(_target, value, name, displayName, rules, name);

    /// <summary>A JSON body's members, keyed by their names in the document (after the body's naming policy).</summary>
    public void Body<T>(T? value, JsonTypeInfo<T> json, Action<T, ArgumentValidation> validate)
    {
        if (value is null)
        {
            return;
        }
        _naming = json.Options.PropertyNamingPolicy;
        Within(value, validate);
        _naming = null;
    }

    /// <summary>A JSON body that is a collection: each element by its index (<c>[2].name</c>).</summary>
    public void BodyItems<T>(IEnumerable<T>? items, JsonTypeInfo json, Action<T, ArgumentValidation> validate)
    {
        if (items is null)
        {
            return;
        }
        _naming = json.Options.PropertyNamingPolicy;
        EachItem(items, validate);
        _naming = null;
    }

    /// <summary>A property's rules: <paramref name="container"/> is the object that holds it.</summary>
    /// <param name="jsonName">The property's explicit JSON name, or null for its name after the naming policy.</param>
    public void Member(object container, object? value, string name, string displayName, string? jsonName, ValidationAttribute[] rules)
    {
        _path.Add(jsonName ?? JsonName(name));
        Check(container, value, name, displayName, rules, Key());
        _path.RemoveAt(_path.Count - 1);
    }

    /// <summary>A property holding a validated type: its members are checked under its name.</summary>
    public void Nested<T>(T? value, string name, string? jsonName, Action<T, ArgumentValidation> validate)
    {
        if (value is null)
        {
            return;
        }
        _path.Add(jsonName ?? JsonName(name));
        Within(value, validate);
        _path.RemoveAt(_path.Count - 1);
    }

    /// <summary>A property holding a collection of a validated type: each element under its index.</summary>
    public void Each<T>(IEnumerable<T>? items, string name, string? jsonName, Action<T, ArgumentValidation> validate)
    {
        if (items is null)
        {
            return;
        }
        _path.Add(jsonName ?? JsonName(name));
        EachItem(items, validate);
        _path.RemoveAt(_path.Count - 1);
    }

    /// <summary>
    /// The type's own rules, then <c>IValidatableObject.Validate</c>, when its members added no error since
    /// <paramref name="errorsBefore"/> (the order DataAnnotations' <c>Validator</c> keeps).
    /// </summary>
    public void Object(object value, string displayName, ValidationAttribute[]? rules, int errorsBefore)
    {
        if (ErrorCount != errorsBefore)
        {
            return;
        }
        var context = new ValidationContext(value, displayName, _request.HttpContext.RequestServices, null);
        foreach (var rule in rules ?? [])
        {
            if (Result(rule, value, context) is { } result)
            {
                AddResult(result);
            }
        }
        if (ErrorCount == errorsBefore && value is IValidatableObject self)
        {
            foreach (var result in self.Validate(context))
            {
                if (result != ValidationResult.Success)
                {
                    AddResult(result);
                }
            }
        }
    }

    /// <summary>Ends the request with a 400 listing every error, when there is one.</summary>
    public void ThrowIfAny()
    {
        if (_errors is null)
        {
            return;
        }
        var message = new StringBuilder("One or more validation errors occurred:");
        var listed = 0;
        foreach (var (key, errors) in _errors)
        {
            foreach (var error in errors)
            {
                if (listed++ < ListedErrors)
                {
                    message.Append(' ').Append(key.Length == 0 ? "" : "'" + key + "': ").Append(error);
                }
            }
        }
        if (listed > ListedErrors)
        {
            message.Append(" (and ").Append(listed - ListedErrors).Append(" more)");
        }
        throw new HttpError(400, message.ToString())
        {
            ProblemType = ProblemType,
            ShowsTraceback = false,
            Errors = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        };
    }

    private void EachItem<T>(IEnumerable<T> items, Action<T, ArgumentValidation> validate)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (item is not null)
            {
                _path.Add(index);
                Within(item, validate);
                _path.RemoveAt(_path.Count - 1);
            }
            index++;
        }
    }

    private void Within<T>(T value, Action<T, ArgumentValidation> validate)
    {
        // The document's own nesting bounds this walk; the cap makes a deep one a client error, not a deep stack.
        if (++_depth > _maxDepth)
        {
            throw new HttpError(400, $"The document nests deeper than the {_maxDepth} levels validation follows.") { ShowsTraceback = false };
        }
        validate(value, this);
        _depth--;
    }

    /// <summary>The rules of one value: a failing <c>[Required]</c> alone, else every rule that fails.</summary>
    private void Check(object container, object? value, string name, string displayName, ValidationAttribute[] rules, string key)
    {
        var context = new ValidationContext(container, displayName, _request.HttpContext.RequestServices, null) { MemberName = name };
        foreach (var rule in rules)
        {
            if (rule is RequiredAttribute && Result(rule, value, context) is { } missing)
            {
                Add(key, missing.ErrorMessage ?? rule.FormatErrorMessage(displayName));
                return;
            }
        }
        foreach (var rule in rules)
        {
            if (rule is not RequiredAttribute && Result(rule, value, context) is { } result)
            {
                Add(key, result.ErrorMessage ?? rule.FormatErrorMessage(displayName));
            }
        }
    }

    /// <summary>The rule's failure, or null when the value passes.</summary>
    private static ValidationResult? Result(ValidationAttribute rule, object? value, ValidationContext context)
    {
        try
        {
            var result = rule.GetValidationResult(value, context);
            return result == ValidationResult.Success ? null : result;
        }
        catch (RegexMatchTimeoutException)
        {
            // The client's text made the pattern run past its timeout: the value is not shown to match, so it fails.
            return new ValidationResult($"The {context.DisplayName} field could not be checked against its pattern in time.");
        }
    }

    /// <summary>A type-level result: under each member it names (a C# name, after the naming policy), else under the type's own key.</summary>
    private void AddResult(ValidationResult result)
    {
        var message = result.ErrorMessage ?? "The value is not valid.";
        var named = false;
        foreach (var member in result.MemberNames)
        {
            named = true;
            _path.Add(JsonName(member));
            Add(Key(), message);
            _path.RemoveAt(_path.Count - 1);
        }
        if (!named)
        {
            Add(Key(), message);
        }
    }

    private void Add(string key, string message)
    {
        _errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = [];
        }
        list.Add(message);
        ErrorCount++;
    }

    private string JsonName(string name) => _naming?.ConvertName(name) ?? name;

    /// <summary>The path as ASP.NET Core writes it: members joined by dots, indexes in brackets; the document's root is empty.</summary>
    private string Key()
    {
        var key = new StringBuilder();
        foreach (var step in _path)
        {
            if (step is int index)
            {
                key.Append('[').Append(index).Append(']');
            }
            else
            {
                key.Append(key.Length == 0 ? "" : ".").Append((string)step);
            }
        }
        return key.ToString();
    }
}
