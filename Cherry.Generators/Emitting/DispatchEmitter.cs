using System.Linq;
using Cherry.Generators.Model;
using Cherry.Generators.Planning;

namespace Cherry.Generators.Emitting
{
    /// <summary>
    /// Writes a position's resolver: it takes the next path segment, switches on its normalised form to a handler or
    /// a sub-tree, then tries the <c>[Dispatch]</c> hook, the <c>[PopArgs]</c> names and <c>Default</c>, in CherryPy's order.
    /// </summary>
    internal static class DispatchEmitter
    {
        public static void WriteResolver(CodeWriter w, PositionSpec position)
        {
            var pops = position.PopArgs.Count > 0;
            w.Line();
            w.Line("// " + position.Path + " (" + position.NodeShortName + ")");
            using (w.Block("private bool " + position.Resolver + "(" + position.NodeTypeName + " node, ref " + RuntimeTypes.PathWalker + " walker, ref " + RuntimeTypes.HandlerMatch + " match" + (pops ? ", bool popped = false" : "") + ")"))
            {
                if (position.Rest is { } rest)
                {
                    w.Line("var start = walker.NextSegmentStart;");
                    if (position.DispatchMethod is { } restHook && position.DispatchTarget is { } restTarget)
                    {
                        // CherryPy's MethodDispatcher with a dispatch method: a sub-resource first, else the verbs take the path.
                        using (w.Block("if (walker.HasMore)"))
                        {
                            WriteDispatchHook(w, restHook, restTarget, position.DispatchTakesRequest);
                            w.Line("walker.Position = start;");
                        }
                    }
                    WriteVerbSwitch(w, rest);
                }
                else if (position.XmlRpc is { } xmlRpc)
                {
                    // XML-RPC endpoints take every POST below them (…/RPC2 included) and refuse other methods.
                    w.Line("match.Set(match.Method == \"POST\" ? " + xmlRpc.Entry + " : " + xmlRpc.MethodNotAllowed + ", node, virtualPathStart: -1, isIndex: false);");
                    w.Line("return true;");
                }
                else
                {
                    if (position.DispatchMethod is not null || pops || position.Default is not null || position.DefaultChild is not null)
                    {
                        w.Line("var start = walker.NextSegmentStart;");
                    }
                    var switches = position.Members.Count > 0 || position.Children.Count > 0;
                    using (w.Block(switches ? "if (walker.TryNext(out var segment))" : "if (walker.TryNext(out _))"))
                    {
                        WriteNextSegment(w, position, pops);
                    }
                    WriteEndOfPath(w, position);
                }
            }
        }

        /// <summary>The path goes on: a member, a sub-tree, the dispatch hook, popped arguments, then Default.</summary>
        private static void WriteNextSegment(CodeWriter w, PositionSpec position, bool pops)
        {
            // A sub-tree that finds nothing below it still took the segment: the hook and PopArgs only try it when no member matched.
            var tracksMember = (position.DispatchMethod is not null || pops) && position.Children.Count > 0;
            if (tracksMember)
            {
                w.Line("var member = false;");
            }
            if (position.Members.Count > 0 || position.Children.Count > 0)
            {
                w.Line("global::System.Span<char> buffer = stackalloc char[" + RuntimeTypes.Segment + ".MaxMemberLength];");
                using (w.Block("switch (" + RuntimeTypes.Segment + ".Normalize(segment, buffer))"))
                {
                    foreach (var member in position.Members)
                    {
                        foreach (var segment in member.Segments)
                        {
                            w.Line("case " + CodeWriter.Quote(segment) + ":");
                        }
                        using (w.Indented())
                        {
                            w.Line("match.Set(" + member.Entry + ", node, walker.NextSegmentStart, isIndex: false);");
                            w.Line("return true;");
                        }
                    }
                    foreach (var child in position.Children)
                    {
                        w.Line("case " + CodeWriter.Quote(child.Segment) + ":");
                        using (w.Indented())
                        {
                            var local = "child_" + child.MemberName;
                            w.ReturnTrueIf("node." + child.MemberName + " is { } " + local + " && " + child.Target + "(" + local + ", ref walker, ref match)");
                            if (tracksMember)
                            {
                                w.Line("member = true;");
                            }
                            w.Line("break;");
                        }
                    }
                }
            }
            if (position.DispatchMethod is { } hook && position.DispatchTarget is { } target)
            {
                if (tracksMember)
                {
                    using (w.Block("if (!member)"))
                    {
                        WriteDispatchHook(w, hook, target, position.DispatchTakesRequest);
                    }
                }
                else
                {
                    WriteDispatchHook(w, hook, target, position.DispatchTakesRequest);
                }
            }
            if (pops)
            {
                using (w.Block(tracksMember ? "if (!member && !popped)" : "if (!popped)"))
                {
                    w.Line("walker.Position = start;");
                    if (position.PopHandler is { IsFactory: true } factory)
                    {
                        WriteFactoryPops(w, position, factory);
                    }
                    else
                    {
                        WritePops(w, position);
                    }
                }
            }
            if (position.Default is { } fallback)
            {
                w.Line("match.Set(" + fallback + ", node, start, isIndex: walker.EndsWithSlash);");
                w.Line("return true;");
            }
            else if (position.DefaultChild is { } defaultChild)
            {
                // The Default node takes the path from the segment nothing here matched.
                w.Line("walker.Position = start;");
                WriteDefaultChild(w, defaultChild, "defaultNode");
            }
            else
            {
                w.Line("return false;");
            }
        }

        private static void WriteDefaultChild(CodeWriter w, ChildRoute child, string local)
        {
            w.Line("return node." + child.MemberName + " is { } " + local + " && " + child.Target + "(" + local + ", ref walker, ref match);");
        }

        /// <summary>The popped segments become parameters; the path goes on in this node again, or in the handler's node.</summary>
        private static void WritePops(CodeWriter w, PositionSpec position)
        {
            w.Line("var poppedBefore = match.PathParameterCount;");
            foreach (var name in position.PopArgs)
            {
                var local = "popped_" + GeneratedNames.Identifier(name);
                using (w.Block("if (walker.TryNext(out var " + local + "))"))
                {
                    w.Line("match.AddPathParameter(" + CodeWriter.Quote(name) + ", " + local + ");");
                }
            }
            w.ReturnTrueIf(position.PopHandler is { } handler
                ? "node." + handler.MemberName + " is { } popHandler && " + handler.Target + "(popHandler, ref walker, ref match)"
                : position.Resolver + "(node, ref walker, ref match, popped: true)");
            w.Line("match.RemovePathParametersFrom(poppedBefore);");
        }

        /// <summary>The popped segments are the handler method's arguments (null past the path's end), not parameters.</summary>
        private static void WriteFactoryPops(CodeWriter w, PositionSpec position, PopHandlerRoute factory)
        {
            var locals = new System.Collections.Generic.List<string>();
            foreach (var name in position.PopArgs)
            {
                var local = "popped_" + GeneratedNames.Identifier(name);
                locals.Add(local + "!");
                w.Line("string? " + local + " = null;");
                using (w.Block("if (walker.TryNext(out var segment_" + GeneratedNames.Identifier(name) + "))"))
                {
                    w.Line(local + " = " + RuntimeTypes.Segment + ".Value(segment_" + GeneratedNames.Identifier(name) + ");");
                }
            }
            w.ReturnTrueIf("node." + factory.MemberName + "(" + string.Join(", ", locals) + ") is { } popHandler && " + factory.Target + "(popHandler, ref walker, ref match)");
        }

        /// <summary>The <c>[Dispatch]</c> method sees the rest of the path, may pop segments, and returns the node to go on in.</summary>
        private static void WriteDispatchHook(CodeWriter w, string hook, string target, bool takesRequest)
        {
            w.Line("walker.Position = start;");
            w.Line("var virtualPath = walker.Capture();");
            w.Line("var next = node." + hook + "(virtualPath" + (takesRequest ? ", match.Request!" : "") + ");");
            w.Line("walker.Position = start;");
            w.Line("walker.Skip(virtualPath.Popped == 0 ? 1 : virtualPath.Popped);");
            w.ReturnTrueIf("next is not null && " + target + "(next, ref walker, ref match)");
        }

        /// <summary>The path ends here: Index, else Default with no arguments (or the Default node), else not found.</summary>
        private static void WriteEndOfPath(CodeWriter w, PositionSpec position)
        {
            if (position.Index is { } index)
            {
                w.Line("match.Set(" + index + ", node, virtualPathStart: -1, isIndex: true);");
                w.Line("return true;");
            }
            else if (position.Default is { } fallback)
            {
                w.Line("match.Set(" + fallback + ", node, virtualPathStart: -1, isIndex: walker.EndsWithSlash);");
                w.Line("return true;");
            }
            else if (position.DefaultChild is { } defaultChild)
            {
                WriteDefaultChild(w, defaultChild, "defaultAtEnd");
            }
            else
            {
                w.Line("return false;");
            }
        }

        /// <summary>A REST resource takes every remaining segment as positional arguments and picks the method by verb.</summary>
        private static void WriteVerbSwitch(CodeWriter w, RestRoutes rest)
        {
            using (w.Block("switch (match.Method)"))
            {
                var hasHead = rest.Verbs.Any(v => v.Verb == "HEAD");
                foreach (var verb in rest.Verbs)
                {
                    w.Line("case " + CodeWriter.Quote(verb.Verb) + ":");
                    if (verb.Verb == "GET" && !hasHead)
                    {
                        w.Line("case \"HEAD\":");
                    }
                    using (w.Indented())
                    {
                        w.Line("match.Set(" + verb.Entry + ", node, start, isIndex: false);");
                        w.Line("return true;");
                    }
                }
                w.Line("default:");
                using (w.Indented())
                {
                    w.Line("match.Set(" + rest.MethodNotAllowed + ", node, start, isIndex: false);");
                    w.Line("return true;");
                }
            }
        }
    }
}
