namespace Cherry;

/// <summary>
/// Who may open the diagnostic pages (<see cref="StatsEndpoints.MapCherryStats"/>, <see cref="StatsEndpoints.MapCherryGc"/>,
/// <see cref="ProfilerEndpoints.MapCherryProfiler"/>) outside the Development environment, where anyone may. They show
/// the server's inner state and cost it work, so by default only an authorization policy the app puts on them
/// (<c>.RequireAuthorization("admins")</c>) opens them; otherwise they answer 403.
/// </summary>
public enum DiagnosticsAccess
{
    /// <summary>Only requests an authorization policy on the endpoints admits (the default).</summary>
    Authorized,

    /// <summary>Also requests whose connection comes from a loopback address. Behind a reverse proxy on the same host every request does: use a policy there.</summary>
    Loopback,

    /// <summary>Every request: an explicit opt-in, for a server that no one else reaches.</summary>
    Anyone,
}
