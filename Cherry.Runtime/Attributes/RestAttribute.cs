namespace Cherry;

/// <summary>
/// Makes a class a resource dispatched on the HTTP method, as CherryPy's <c>MethodDispatcher</c> does:
/// its public methods named after HTTP verbs (<c>Get</c>, <c>Post</c>, <c>Put</c>, <c>Delete</c>,
/// <c>Patch</c>, <c>Options</c>) handle requests. Every response carries <c>Allow</c>; HEAD falls back
/// to GET; any other method is answered 405 before the request body is read.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RestAttribute : Attribute
{
}
