using System.Collections.Immutable;
using Cherry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Generators.Tests;

public sealed class AnalyzerTests
{
    [Fact]
    public async Task Exposed_method_that_is_not_public_or_is_static_is_reported()
    {
        const string source = """
            using Cherry;
            public sealed class Root
            {
                [Exposed] public string Fine() => "";
                [Exposed] internal string Hidden() => "";
                [Exposed] public static string Shared() => "";
            }
            """;
        var compilation = GeneratorHarness.Compile(source)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ExposedMemberAnalyzer()));
        var diagnostics = await compilation.GetAnalyzerDiagnosticsAsync();
        Assert.Equal(["Hidden", "Shared"], diagnostics.Select(d => d.GetMessage()).Select(m => m.Split('\'')[1]).Order());
        Assert.All(diagnostics, d => Assert.Equal("CHERRY0004", d.Id));
    }
}
