namespace Cherry;

/// <summary>
/// CherryPy's <c>json_out</c>: the handler's return value is written as <c>application/json</c> through a
/// source-generated <c>JsonSerializerContext</c>. The generator finds a context in the compilation that declares
/// <c>[JsonSerializable(typeof(T))]</c> for the return type; a context elsewhere is registered through
/// <see cref="CherryOptions.JsonResolvers"/>. There is no reflection fallback.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class JsonOutAttribute : Attribute
{
    public string ContentType { get; set; } = "application/json";
}
