using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cherry.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cherry.CodeFixes
{
    /// <summary>CHERRY0004: makes an unreachable [Exposed] method a public instance method.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePublicCodeFix)), Shared]
    public sealed class MakePublicCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ExposedMemberNotReachable.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
            {
                return;
            }
            context.RegisterCodeFix(
                CodeAction.Create($"Make '{method.Identifier.Text}' a public instance method", c => FixAsync(context.Document, method, c), nameof(MakePublicCodeFix)),
                context.Diagnostics);
        }

        private static async Task<Document> FixAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellation)
        {
            var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
            var kept = method.Modifiers.Where(m => !m.IsKind(SyntaxKind.PrivateKeyword) && !m.IsKind(SyntaxKind.ProtectedKeyword)
                && !m.IsKind(SyntaxKind.InternalKeyword) && !m.IsKind(SyntaxKind.PublicKeyword) && !m.IsKind(SyntaxKind.StaticKeyword)).ToList();
            var leading = method.Modifiers.Count > 0 ? method.Modifiers[0].LeadingTrivia : method.ReturnType.GetLeadingTrivia();
            var modifiers = SyntaxFactory.TokenList(new[] { SyntaxFactory.Token(leading, SyntaxKind.PublicKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)) }
                .Concat(kept));
            var updated = method.Modifiers.Count > 0
                ? method.WithModifiers(modifiers)
                : method.WithReturnType(method.ReturnType.WithLeadingTrivia()).WithModifiers(modifiers);
            return document.WithSyntaxRoot(root!.ReplaceNode(method, updated));
        }
    }
}
