namespace Runner;

/// <summary>A confidence interval.</summary>
internal readonly record struct Interval(double Low, double High);

/// <summary>Medians and a percentile bootstrap of the median (fixed seed, so a report redraws the same).</summary>
internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>95 % interval of the median: the 2.5th and 97.5th percentiles of 10,000 resampled medians.</summary>
    public static Interval BootstrapMedianInterval(IReadOnlyList<double> values, int resamples = 10_000)
    {
        var random = new Random(17);
        var medians = new double[resamples];
        var sample = new double[values.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = values[random.Next(values.Count)];
            }
            medians[r] = Median(sample);
        }
        Array.Sort(medians);
        return new Interval(medians[(int)(resamples * 0.025)], medians[(int)(resamples * 0.975) - 1]);
    }
}
