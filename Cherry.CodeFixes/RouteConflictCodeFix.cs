using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Rename;

namespace Cherry.CodeFixes
{
    /// <summary>
    /// CHERRY0005: gives the member that lost its URL segment one of its own, either with an explicit
    /// <c>[Exposed("segment")]</c> or by renaming the member (and every reference to it).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RouteConflictCodeFix)), Shared]
    public sealed class RouteConflictCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.RouteConflict.Id);

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(context.Span);
            var declaration = node?.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is MethodDeclarationSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax);
            if (declaration is null || model is null)
            {
                return;
            }
            var symbol = declaration is FieldDeclarationSyntax field
                ? model.GetDeclaredSymbol(field.Declaration.Variables[0], context.CancellationToken)
                : model.GetDeclaredSymbol(declaration, context.CancellationToken);
            if (symbol?.ContainingType is not { } type)
            {
                return;
            }
            var known = new KnownTypes(model.Compilation);
            var used = new HashSet<string>(TypeHierarchy.AllMembers(type).SelectMany(m => known.SegmentsOf(m)));
            var segment = context.Diagnostics[0].Properties.TryGetValue(RouteConflictAnalyzer.SegmentProperty, out var s) && s is not null ? s : known.SegmentsOf(symbol).First();
            var freeSegment = Enumerable.Range(2, 100).Select(i => segment + "_" + i).First(candidate => !used.Contains(candidate));
            var freeName = Enumerable.Range(2, 100).Select(i => symbol.Name + i).First(candidate => !used.Contains(SegmentNaming.FromMemberName(candidate)) && type.GetMembers(candidate).IsEmpty);

            context.RegisterCodeFix(
                CodeAction.Create($"Answer at '{freeSegment}' with [Exposed(\"{freeSegment}\")]",
                    c => ExplicitSegmentAsync(context.Document, declaration, known, freeSegment, c), "explicit-segment"),
                context.Diagnostics);
            // Renaming helps only where the name makes the segment.
            if (Symbols.Find(symbol, known.Exposed) is not { ConstructorArguments.Length: 1 })
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Rename '{symbol.Name}' to '{freeName}'",
                        c => RenameAsync(context.Document, symbol, freeName, c), "rename"),
                    context.Diagnostics);
            }
        }

        private static async Task<Document> ExplicitSegmentAsync(Document document, MemberDeclarationSyntax declaration, KnownTypes known, string segment, CancellationToken cancellation)
        {
            var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellation).ConfigureAwait(false);
            var argument = SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(segment)))));
            // An existing [Exposed] gets the segment (keeping its other arguments); otherwise a new one is added.
            var exposed = declaration.AttributeLists.SelectMany(l => l.Attributes)
                .FirstOrDefault(a => model?.GetTypeInfo(a, cancellation).Type is INamedTypeSymbol t && Symbols.Is(t, known.Exposed));
            MemberDeclarationSyntax updated;
            if (exposed is not null)
            {
                var named = exposed.ArgumentList?.Arguments.Where(a => a.NameEquals is not null) ?? Enumerable.Empty<AttributeArgumentSyntax>();
                updated = declaration.ReplaceNode(exposed, exposed.WithArgumentList(argument.AddArguments(named.ToArray())));
            }
            else
            {
                var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("Exposed"), argument)));
                updated = declaration.WithAttributeLists(declaration.AttributeLists.Add(attribute.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)))
                    .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
            }
            return document.WithSyntaxRoot(root!.ReplaceNode(declaration, updated));
        }

        private static async Task<Solution> RenameAsync(Document document, ISymbol symbol, string name, CancellationToken cancellation) =>
            await Renamer.RenameSymbolAsync(document.Project.Solution, symbol, new SymbolRenameOptions(), name, cancellation).ConfigureAwait(false);
    }
}
