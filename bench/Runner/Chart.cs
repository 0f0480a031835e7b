using ScottPlot;

namespace Runner;

/// <summary>Requests per second by scenario and server, as grouped bars (log scale: CherryPy is two orders lower).</summary>
internal static class Chart
{
    public static void Write(Report report, string path)
    {
        var plot = new Plot();
        var scenarios = Scenario.All.Select(s => s.Name).ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var width = report.Servers.Count + 1;
        for (var s = 0; s < report.Servers.Count; s++)
        {
            var server = report.Servers[s];
            var bars = new List<Bar>();
            for (var i = 0; i < scenarios.Count; i++)
            {
                var measurement = report.Results.FirstOrDefault(r => r.Server == server && r.Scenario == scenarios[i] && r.Available);
                if (measurement is not null)
                {
                    bars.Add(new Bar { Position = i * width + s, Value = Math.Log10(measurement.RequestsPerSecond), FillColor = palette.GetColor(s) });
                }
            }
            var series = plot.Add.Bars(bars);
            series.LegendText = server;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            scenarios.Select((name, i) => new Tick(i * width + (report.Servers.Count - 1) / 2.0, name)).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(1, 5).Select(e => new Tick(e, Math.Pow(10, e).ToString("N0", System.Globalization.CultureInfo.InvariantCulture))).ToArray());
        plot.Axes.SetLimitsY(1, 5.3);
        plot.Axes.Left.Label.Text = "requests per second (log scale)";
        plot.Title($"Cherry vs ASP.NET Core and CherryPy, {report.Date:yyyy-MM-dd}{(report.Quick ? " (quick)" : "")}");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 1400, 600);
    }
}
