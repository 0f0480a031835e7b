namespace System.Runtime.CompilerServices
{
    // Records need this type; netstandard2.0 lacks it.
    internal static class IsExternalInit
    {
    }
}
