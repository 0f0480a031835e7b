using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Cherry.Generators.Model;
using Cherry.Generators.Parsing;
using Cherry.Shared;
using Microsoft.CodeAnalysis;

namespace Cherry.Analyzers
{
    /// <summary>One problem <see cref="NodeParser"/> found in a member of a class (CHERRY0001–0003).</summary>
    internal sealed class ParseProblem
    {
        public ParseProblem(DiagnosticDescriptor descriptor, ISymbol member, string[] arguments)
        {
            Descriptor = descriptor;
            Member = member;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public ISymbol Member { get; }

        public string[] Arguments { get; }
    }

    /// <summary>A class as <see cref="NodeParser.ParseOne"/> sees it, with the problems it found in its members.</summary>
    internal sealed class ParsedClass
    {
        public ParsedClass(NodeSpec node, ImmutableArray<ParseProblem> problems)
        {
            Node = node;
            Problems = problems;
        }

        public NodeSpec Node { get; }

        public ImmutableArray<ParseProblem> Problems { get; }
    }

    /// <summary>
    /// Each class of a compilation parsed once, shared by the analyzers that ask (HandlerShape reports the problems,
    /// RouteConflict reads the segments): the parse is the analyzers' main cost, and both ask of every class.
    /// Kept per compilation beside it, so it goes when the compilation does.
    /// </summary>
    internal sealed class ParsedClasses
    {
        private static readonly ConditionalWeakTable<Compilation, ParsedClasses> PerCompilation = new ConditionalWeakTable<Compilation, ParsedClasses>();

        // Lazy, so that two analyzers asking at once on two threads parse a class once; null: not a node.
        private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<ParsedClass?>> _classes =
            new ConcurrentDictionary<INamedTypeSymbol, Lazy<ParsedClass?>>(SymbolEqualityComparer.Default);

        private ParsedClasses(KnownTypes known) => Known = known;

        public KnownTypes Known { get; }

        public static ParsedClasses For(Compilation compilation) =>
            PerCompilation.GetValue(compilation, c => new ParsedClasses(KnownTypes.For(c)));

        /// <summary>The class parsed, or null when it is not a node of any tree (<see cref="NodeParser.IsNode"/>).</summary>
        public ParsedClass? Get(INamedTypeSymbol type, CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested();
            // Parsed without the caller's token: a cancelled parse must not be kept for the other analyzer, which
            // would then fail with a cancellation that is not its own. One class parses in well under a millisecond.
            return _classes.GetOrAdd(type, t => new Lazy<ParsedClass?>(() => Parse(t, Known), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        private static ParsedClass? Parse(INamedTypeSymbol type, KnownTypes known)
        {
            if (!NodeParser.IsNode(type, known))
            {
                return null;
            }
            var problems = ImmutableArray.CreateBuilder<ParseProblem>();
            var node = NodeParser.ParseOne(type, known, (descriptor, member, arguments) => problems.Add(new ParseProblem(descriptor, member, arguments)), CancellationToken.None);
            return new ParsedClass(node, problems.ToImmutable());
        }
    }
}
