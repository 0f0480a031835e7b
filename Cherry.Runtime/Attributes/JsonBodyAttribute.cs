namespace Cherry;

/// <summary>Binds the parameter to the JSON request body read by <see cref="JsonInAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class JsonBodyAttribute : Attribute
{
}
