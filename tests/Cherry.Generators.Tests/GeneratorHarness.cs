using System.Collections.Immutable;
using Cherry.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cherry.Generators.Tests;

/// <summary>Compiles test sources against the real runtime and runs Cherry's generator over them.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The test runs on the shared frameworks Cherry targets, so their assemblies are the compilation's references.
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || f.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(Request).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "TestApp",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver of Cherry's generator, with <paramref name="files"/> as the project's additional files (path, text).</summary>
    public static GeneratorDriver CreateDriver(params (string Path, string Text)[] files) =>
        CSharpGeneratorDriver.Create(
            [new CherryGenerator().AsSourceGenerator()],
            additionalTexts: [.. files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params string[] sources) => Run([], sources);

    /// <summary>Runs the generator with <paramref name="files"/> as the project's additional files (path, text).</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run((string Path, string Text)[] files, params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    /// <summary>Errors of the compiled app; the STJ generator is not run here, so JSON contexts are left out of test sources.</summary>
    public static IEnumerable<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>A program that mounts <paramref name="root"/> at <c>/</c>.</summary>
    public static string Mount(string root) => Sources.Program.Replace("Shop.Root", root);
}
