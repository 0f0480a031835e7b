using System.Text;

namespace Cherry.Conformance.Tests;

/// <summary>One row of cases.md (or one added here): steps sent in order to both servers, each with its own cookies.</summary>
public sealed record Case(string Id, string Request, params Step[] Steps)
{
    public Deviation? Deviation { get; init; }

    /// <summary>
    /// Marks the case (or only the given step indexes) as a documented deviation: CherryPy's answer is not compared,
    /// and <paramref name="cherry"/> asserts Cherry's own behaviour instead.
    /// </summary>
    public Case Deviates(string reason, Action<IReadOnlyList<Observed>> cherry, params int[] steps) =>
        this with { Deviation = new Deviation(reason, cherry, steps) };

    public bool StepDeviates(int index) => Deviation is { } d && (d.Steps.Length == 0 || d.Steps.Contains(index));

    public override string ToString() => Id;
}

/// <summary>Why Cherry answers differently, and the assertion on Cherry's answers that holds instead.</summary>
public sealed record Deviation(string Reason, Action<IReadOnlyList<Observed>> AssertCherry, int[] Steps);

/// <summary>Short constructors for the case table.</summary>
internal static class Steps
{
    public static Step Get(string target) => new("GET", target);

    public static Step Head(string target) => new("HEAD", target);

    public static Step Delete(string target) => new("DELETE", target);

    public static Step Options(string target) => new("OPTIONS", target);

    public static Step Post(string target, string form = "") =>
        new("POST", target) { Body = Encoding.UTF8.GetBytes(form), ContentType = "application/x-www-form-urlencoded" };

    public static Step PostJson(string target, string json, string contentType = "application/json") =>
        new("POST", target) { Body = Encoding.UTF8.GetBytes(json), ContentType = contentType };

    public static Step PostXml(string target, string xml) =>
        new("POST", target) { Body = Encoding.UTF8.GetBytes(xml), ContentType = "text/xml", BodyComparison = BodyComparison.Xml };

    public static Step ServerLayer(this Step step) => step with { StatusOnly = true };

    public static Step Raw(string description, string request) =>
        new("RAW", description) { Client = Client.Raw, RawRequest = request };

    public static Step Curl(string target, params string[] options) => new("GET", target) { Client = Client.Curl, CurlOptions = options };

    public static Step Python(string script) => new("PYTHON", "") { Client = Client.Python, Script = script, BodyComparison = BodyComparison.Text };

    public static Step Cookies(this Step step) => step with { WithCookies = true };

    public static Step Comparing(this Step step, params string[] headers) => step with { Compare = [.. step.Compare, .. headers] };

    public static Step Presence(this Step step, params string[] headers) => step with { Present = [.. step.Present, .. headers] };

    public static Step Bodies(this Step step, BodyComparison comparison) => step with { BodyComparison = comparison };

    public static Step Http10(this Step step) => step with { Version = System.Net.HttpVersion.Version10 };

    public static Step After(this Step step, TimeSpan delay) => step with { Delay = delay };

    /// <summary>Adds a header whose value comes from this server's previous answer (its own Last-Modified, say).</summary>
    public static Step WithPrevious(this Step step, string header, string from) =>
        step with { Prepare = (s, state) => s.With(header, state.History[^1].Answer.Header(from) ?? "") };
}
