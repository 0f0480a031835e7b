using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Cherry.Analyzers.Tests;

/// <summary>
/// Runs an analyzer (and a code fix) with Microsoft's test framework over sources compiled against .NET 10's
/// reference assemblies (Basic.Reference.Assemblies; the framework's own net10.0 preset does not resolve here),
/// ASP.NET Core and Cherry.Runtime.
/// </summary>
internal static class Verify
{
    private static readonly ImmutableArray<MetadataReference> Cherry =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || f.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)))
            .Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(global::Cherry.ExposedAttribute).Assembly.Location),
    ];

    public static IEnumerable<MetadataReference> References => [.. Basic.Reference.Assemblies.Net100.References.All, .. Cherry];

    public const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading.Tasks;
        global using Cherry;

        """;

    private static void Configure(SolutionState state, IEnumerable<(string Name, string Text)> additionalFiles)
    {
        state.Sources.Add(("Usings.cs", Usings));
        // The fixed state inherits these from the test state.
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        state.AdditionalReferences.AddRange(Cherry);
        foreach (var file in additionalFiles)
        {
            state.AdditionalFiles.Add(file);
        }
    }

    public static Task AnalyzerAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() => AnalyzerAsync<TAnalyzer>(source, [], expected);

    public static Task AnalyzerAsync<TAnalyzer>(string source, (string Name, string Text)[] additionalFiles, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        Configure(test.TestState, additionalFiles);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task CodeFixAsync<TAnalyzer, TFix>(string source, string fixedSource, int index = 0, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new() => CodeFixAsync<TAnalyzer, TFix>([source], [fixedSource], index, expected);

    /// <summary>A fix over several files (the JSON context lives beside the handler).</summary>
    public static Task CodeFixAsync<TAnalyzer, TFix>(string[] sources, string[] fixedSources, int index = 0, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            CodeActionIndex = index,
            // Compilation-end diagnostics (CHERRY0007) are fixable too; the IDE offers them under full analysis.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"Source{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"Source{i}.cs", fixedSources[i]));
        }
        Configure(test.TestState, []);
        test.FixedState.Sources.Add(("Usings.cs", Usings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

    public static DiagnosticResult Warning(string id) => new(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
}
