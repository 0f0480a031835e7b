using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cherry.Analyzers.Tests;

/// <summary>Applies a code fix in a real workspace and returns the new text, for fixes whose output is random.</summary>
internal static class FixRunner
{
    public static async Task<string> ApplyAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Fix", LanguageNames.CSharp)
            .WithMetadataReferences(Verify.References)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .AddDocument("Usings.cs", Verify.Usings).Project;
        var document = project.AddDocument("Source.cs", source);
        var compilation = await document.Project.GetCompilationAsync();
        var diagnostics = await compilation!.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();
        var diagnostic = diagnostics.Single(d => fix.FixableDiagnosticIds.Contains(d.Id));
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    /// <summary>
    /// Applies the fix of the one diagnostic on a config file (an AdditionalFile) and returns the file's new text. A real
    /// workspace, since the test framework's code-fix test applies fixes to C# documents only.
    /// </summary>
    public static async Task<string> ApplyToConfigAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string source, (string Name, string Text) file)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Fix", LanguageNames.CSharp)
            .WithMetadataReferences(Verify.References)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .AddDocument("Usings.cs", Verify.Usings).Project
            .AddDocument("Source.cs", source).Project;
        var config = project.AddAdditionalDocument(file.Name, file.Text, filePath: file.Name);
        project = config.Project;
        var compilation = await project.GetCompilationAsync();
        var options = new AnalyzerOptions([.. project.AdditionalDocuments.Select(d => (AdditionalText)new DocumentText(d))]);
        var diagnostics = await compilation!.WithAnalyzers([analyzer], options).GetAnalyzerDiagnosticsAsync();
        var diagnostic = diagnostics.Single(d => fix.FixableDiagnosticIds.Contains(d.Id));
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(config, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operations = await actions.Single().GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetAdditionalDocument(config.Id)!.GetTextAsync()).ToString();
    }

    /// <summary>An additional document as the compiler hands it to analyzers.</summary>
    private sealed class DocumentText(TextDocument document) : AdditionalText
    {
        public override string Path => document.FilePath!;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            document.GetTextAsync(cancellationToken).Result;
    }
}
