using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Cherry.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Measures what Cherry adds to a build of a large app: the generator and every Cherry analyzer over a generated
// project of N handlers (default 1,000), a full run from scratch, then a run after an unrelated edit.
//   dotnet run -c Release --project bench/AnalyzerCost -- [HANDLERS] [--write DIR] [--bind-first]
var handlers = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1000;
var writeTo = args.SkipWhile(a => a != "--write").Skip(1).FirstOrDefault();
// --bind-first: the compiler binds the code before the analyzers run, so their time is Cherry's work alone
// (without it, the first analyzer to ask about a symbol also pays for binding it).
var bindFirst = args.Contains("--bind-first");
var sources = LargeApp.Sources(handlers);
// The app's config file: every key and section is checked by the analyzers, and its tool mentions read by the generator.
var config = new ConfigText("/app/large.conf", LargeApp.Config(handlers, 500));
if (writeTo is not null)
{
    LargeApp.Write(writeTo, sources);
    Console.WriteLine($"wrote {sources.Count} files with {handlers} handlers to {writeTo}");
}

var parse = new CSharpParseOptions(LanguageVersion.Latest);
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
        || f.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"))
    .Append(typeof(Cherry.ExposedAttribute).Assembly.Location)
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToImmutableArray();
var analyzers = typeof(Cherry.Analyzers.HandlerShapeAnalyzer).Assembly.GetTypes()
    .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();

CSharpCompilation Compile() => CSharpCompilation.Create("LargeApp",
    sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, path: s.Name)),
    references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create([new CherryGenerator().AsSourceGenerator()], additionalTexts: [config], parseOptions: parse,
    driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

var generatorTimes = new List<double>();
var analyzerTimes = new List<double>();
var perAnalyzer = analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>());
var editTimes = new List<double>();
var configEditTimes = new List<double>();
var treesCachedAfterConfigEdit = true;
var cachedEverywhere = true;
const int Runs = 21;

// A collection between measurements, so that one run's garbage is not collected on the next run's clock.
static void Settle()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

for (var run = 0; run < Runs; run++)
{
    // A new compilation each time, so that nothing the compiler caches per compilation is reused.
    var compilation = Compile();
    Settle();
    var stopwatch = Stopwatch.StartNew();
    var driver = NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
    generatorTimes.Add(stopwatch.Elapsed.TotalMilliseconds);

    // The analyzers' own execution time, as the compiler's telemetry reports it: binding the code is the
    // compiler's work and is paid by every build, with or without Cherry.
    if (bindFirst)
    {
        // What every build does anyway: bind declarations, attributes and method bodies, which analyzers then share.
        _ = output.GetDiagnostics();
    }
    Settle();
    var withAnalyzers = output.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions([config]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    var analyzerTime = 0.0;
    foreach (var analyzer in analyzers)
    {
        var own = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        perAnalyzer[analyzer.GetType().Name].Add(own);
        analyzerTime += own;
    }
    analyzerTimes.Add(analyzerTime);
    if (diagnostics.Length > 0)
    {
        throw new InvalidOperationException("the generated app should be clean: " + diagnostics[0]);
    }

    var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Unrelated { public static int Answer() => 42; }", parse, path: "Unrelated.cs"));
    Settle();
    stopwatch.Restart();
    driver = driver.RunGenerators(edited);
    editTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
    var result = driver.GetRunResult().Results.Single();
    // Roslyn's own steps ("Compilation", ...) change with every edit; Cherry's named steps must not.
    foreach (var (step, runs) in result.TrackedSteps.Where(s => s.Key is CherryGenerator.ExposedStep or CherryGenerator.RestStep
        or CherryGenerator.RootsStep or CherryGenerator.JsonStep or CherryGenerator.TreesStep))
    {
        foreach (var reason in runs.SelectMany(r => r.Outputs).Select(o => o.Reason).Where(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Distinct())
        {
            cachedEverywhere = false;
            if (run == 0)
            {
                Console.WriteLine($"  step {step} was {reason} after the unrelated edit");
            }
        }
    }
}

// A config-only edit: the file's tool mentions are read again; the trees, the parsed classes and JSON stay cached.
for (var run = 0; run < Runs; run++)
{
    var compilation = Compile();
    var driver = NewDriver().RunGenerators(compilation);
    var edited = new ConfigText(config.Path, config.Content + $"\n[/section0]\ntools.caching.delay = {60 + run}\n");
    Settle();
    var stopwatch = Stopwatch.StartNew();
    driver = driver.ReplaceAdditionalText(config, edited).RunGenerators(compilation);
    configEditTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
    var result = driver.GetRunResult().Results.Single();
    treesCachedAfterConfigEdit &= result.TrackedSteps.Where(s => s.Key is CherryGenerator.ExposedStep or CherryGenerator.TreesStep)
        .SelectMany(s => s.Value).SelectMany(r => r.Outputs).All(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
}

// The first run pays for JIT compilation of the generator and analyzers; an IDE or build server pays it once.
static double Median(List<double> values) => values.Skip(1).Order().ElementAt((values.Count - 1) / 2);
Console.WriteLine($"{handlers} handlers, {sources.Count} files; medians of {Runs - 1} warm runs (first, cold run in brackets):");
Console.WriteLine($"  generator, full run:            {Median(generatorTimes),8:F1} ms  [{generatorTimes[0]:F0} ms]");
Console.WriteLine($"  analyzers, full run (own time): {Median(analyzerTimes),8:F1} ms  [{analyzerTimes[0]:F0} ms]");
foreach (var (name, times) in perAnalyzer.OrderByDescending(p => Median(p.Value)))
{
    Console.WriteLine($"    {name,-30} {Median(times),8:F1} ms");
}
Console.WriteLine($"  generator + analyzers:          {Median(generatorTimes) + Median(analyzerTimes),8:F1} ms");
Console.WriteLine($"  generator after unrelated edit: {Median(editTimes),8:F1} ms  (every tracked step cached or unchanged: {cachedEverywhere})");
Console.WriteLine($"  config file: {config.Content.Split('\n').Length} lines; generator after a config-only edit: {Median(configEditTimes),8:F1} ms  (trees and parsed classes cached: {treesCachedAfterConfigEdit})");
return cachedEverywhere && treesCachedAfterConfigEdit ? 0 : 1;

/// <summary>The config file, as an IDE or MSBuild hands it to the generator and the analyzers.</summary>
internal sealed class ConfigText(string path, string content) : AdditionalText
{
    public override string Path { get; } = path;

    public string Content { get; } = content;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(Content);
}
