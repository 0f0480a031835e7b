using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cherry.Analyzers;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Cherry.CodeFixes
{
    /// <summary>CHERRY0007: adds <c>[JsonSerializable(typeof(T))]</c> for the missing type to the app's JsonSerializerContext.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJsonSerializableCodeFix)), Shared]
    public sealed class AddJsonSerializableCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.JsonTypeNotInContext.Id);

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(JsonContextAnalyzer.ContextProperty, out var contextName) || contextName is null
                    || !diagnostic.Properties.TryGetValue(JsonContextAnalyzer.TypeProperty, out var typeName) || typeName is null)
                {
                    continue;
                }
                var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
                var target = compilation?.GetTypeByMetadataName(contextName.Replace("global::", ""));
                var reference = target?.DeclaringSyntaxReferences.FirstOrDefault();
                if (reference is null || context.Document.Project.Solution.GetDocument(reference.SyntaxTree) is not { } document)
                {
                    continue;
                }
                context.RegisterCodeFix(
                    CodeAction.Create($"Add [JsonSerializable(typeof({typeName.Replace("global::", "")}))] to {target!.Name}",
                        c => FixAsync(document, reference, typeName, c), "add-json-serializable"),
                    diagnostic);
            }
        }

        private static async Task<Solution> FixAsync(Document document, SyntaxReference reference, string typeName, CancellationToken cancellation)
        {
            var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
            var declaration = (ClassDeclarationSyntax)await reference.GetSyntaxAsync(cancellation).ConfigureAwait(false);
            var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("global::System.Text.Json.Serialization.JsonSerializable"),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                    SyntaxFactory.TypeOfExpression(SyntaxFactory.ParseTypeName(typeName))))))))
                .WithAdditionalAnnotations(Simplifier.Annotation, Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
            // After the context's last [JsonSerializable], so the list stays together.
            var lists = declaration.AttributeLists;
            var last = lists.LastOrDefault(l => l.Attributes.Any(a => a.Name.ToString().Contains("JsonSerializable")));
            var updatedLists = last is null ? lists.Insert(0, attribute) : lists.Insert(lists.IndexOf(last) + 1, attribute);
            var updated = root!.ReplaceNode(declaration, declaration.WithAttributeLists(updatedLists));
            var simplified = await Simplifier.ReduceAsync(document.WithSyntaxRoot(updated), Simplifier.Annotation, cancellationToken: cancellation).ConfigureAwait(false);
            var formatted = await Microsoft.CodeAnalysis.Formatting.Formatter.FormatAsync(simplified, Microsoft.CodeAnalysis.Formatting.Formatter.Annotation, cancellationToken: cancellation).ConfigureAwait(false);
            return formatted.Project.Solution;
        }
    }
}
