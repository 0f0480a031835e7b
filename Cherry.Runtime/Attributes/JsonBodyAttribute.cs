namespace Cherry;

/// <summary>
/// Binds the parameter to the JSON request body read by <see cref="JsonInAttribute"/>. A handler with such a parameter
/// and no <see cref="JsonInAttribute"/> on it or on a class above it gets json_in with its defaults.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class JsonBodyAttribute : Attribute
{
}
