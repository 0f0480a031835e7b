using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Cherry.Generators.Model;
using Cherry.Generators.Parsing;
using Cherry.Generators.Planning;
using Cherry.Shared;
using Microsoft.CodeAnalysis;

namespace Cherry.Analyzers
{
    /// <summary>
    /// A mounted root's tree as the generator plans it, planned once per compilation for every analyzer that asks
    /// (the config, session and tool-needs checks each walk the whole tree; planning a 1,000-handler tree is most of
    /// their cost). The generator's own parser and planner: what the tree is has one answer.
    /// </summary>
    internal static class PlannedTrees
    {
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<ISymbol, TreeSpec?>> Plans = new();

        /// <summary>The planned tree of <paramref name="root"/>, or null when the planner cannot plan it (the generator reports why).</summary>
        public static TreeSpec? Of(Compilation compilation, INamedTypeSymbol root, KnownTypes known, CancellationToken cancellation) =>
            Plans.GetValue(compilation, _ => new ConcurrentDictionary<ISymbol, TreeSpec?>(SymbolEqualityComparer.Default))
                .GetOrAdd(root, _ =>
                {
                    var nodes = NodeParser.Parse(root, known, cancellation).ToDictionary(n => n.TypeName);
                    // No JSON context: the JSON fields are not what these checks ask about.
                    return TreePlanner.Plan(new RootSpec(TypeNames.Of(root), root.Name, Construction: null), nodes, new Dictionary<string, string>());
                });
    }
}
