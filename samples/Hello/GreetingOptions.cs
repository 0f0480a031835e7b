namespace Hello;

/// <summary>
/// The app's own <c>greeting.*</c> keys, bound per path (<c>options.ConfigNamespace&lt;GreetingOptions&gt;("greeting")</c>):
/// checked at build in config files and <c>[Config]</c>, bound at start-up by generated code, read with
/// <c>request.Settings.Options&lt;GreetingOptions&gt;()</c>.
/// </summary>
public sealed class GreetingOptions
{
    public string Word { get; set; } = "Hello";
}
