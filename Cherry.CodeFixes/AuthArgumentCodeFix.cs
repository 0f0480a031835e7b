using System;
using System.Collections.Immutable;
using System.Composition;
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
    /// <summary>CHERRY0009 and CHERRY0010: adds the missing <c>Realm</c> or <c>Key</c> to an auth attribute.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AuthArgumentCodeFix)), Shared]
    public sealed class AuthArgumentCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.MissingRealm.Id, DiagnosticDescriptors.MissingDigestKey.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span).FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                var (name, value, title) = diagnostic.Id == DiagnosticDescriptors.MissingRealm.Id
                    ? ("Realm", "app", "Add a Realm")
                    // A fresh random key: nonces signed with it cannot be forged by anyone who has not seen the source.
                    : ("Key", Guid.NewGuid().ToString("N").Substring(0, 16), "Add a random Key");
                context.RegisterCodeFix(CodeAction.Create(title, c => FixAsync(context.Document, attribute, name, value, c), title), diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, AttributeSyntax attribute, string name, string value, CancellationToken cancellation)
        {
            var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
            var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            // Replace an empty value (Realm = "") rather than adding a second one.
            foreach (var existing in arguments.Arguments)
            {
                if (existing.NameEquals?.Name.Identifier.Text == name)
                {
                    arguments = arguments.RemoveNode(existing, SyntaxRemoveOptions.KeepNoTrivia)!;
                    break;
                }
            }
            var argument = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name)),
                null,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)));
            var updated = attribute.WithArgumentList(arguments.AddArguments(argument));
            return document.WithSyntaxRoot(root!.ReplaceNode(attribute, updated.NormalizeWhitespace().WithTriviaFrom(attribute)));
        }
    }
}
