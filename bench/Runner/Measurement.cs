namespace Runner;

/// <summary>One server on one scenario: medians over the runs, RSS after them.</summary>
internal sealed record Measurement(string Server, string Scenario, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, long RssBytes, bool Available)
{
    public static Measurement Of(string server, string scenario, List<WrkResult> samples, long rss) => new(
        server, scenario,
        Statistics.Median(samples.Select(s => s.RequestsPerSecond)),
        Statistics.Median(samples.Select(s => s.P50Ms)),
        Statistics.Median(samples.Select(s => s.P99Ms)),
        samples.Sum(s => s.Errors),
        rss,
        Available: true);

    public static Measurement NotAvailable(string server, string scenario) => new(server, scenario, 0, 0, 0, 0, 0, Available: false);
}

/// <summary>An AOT binary's size and its time from exec to the first answered request.</summary>
internal sealed record StartUpMeasurement(string App, long BinaryBytes, double FirstResponseMs);
