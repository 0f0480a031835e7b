using System.Linq;
using Cherry.Generators.Model;

namespace Cherry.Generators.Emitting
{
    /// <summary>
    /// Writes an [XmlRpc] class's dispatcher (reads the posted methodCall and switches on its dotted name) and its
    /// methods' invokers (arguments from the call's values, the result or a fault written as XML-RPC).
    /// </summary>
    internal static class XmlRpcEmitter
    {
        public static void WriteDispatcher(CodeWriter w, PositionSpec position, XmlRpcRoutes routes)
        {
            w.Line();
            using (w.Block("private async " + RuntimeTypes.ValueTask + " " + routes.Dispatcher + "(" + RuntimeTypes.Request + " request)"))
            {
                using (w.Block("if (await " + RuntimeTypes.XmlRpcBinding + ".ReadCallAsync(request) is not { } call)"))
                {
                    w.Line("return;");
                }
                w.Line("var node = (" + position.NodeTypeName + ")request.Target;");
                using (w.Block("switch (call.Method)"))
                {
                    foreach (var method in routes.Methods)
                    {
                        w.Line("case " + CodeWriter.Quote(method.Name) + ":");
                        using (w.Indented())
                        {
                            if (method.TargetMembers.Length > 0)
                            {
                                w.Line("request.Target = node." + method.TargetMembers + ";");
                            }
                            w.Line("await " + RuntimeTypes.XmlRpcBinding + ".InvokeAsync(request, " + method.Invoker + ");");
                            w.Line("return;");
                        }
                    }
                    w.Line("default:");
                    using (w.Indented())
                    {
                        w.Line(RuntimeTypes.XmlRpcBinding + ".UnknownMethod(request, call.Method);");
                        w.Line("return;");
                    }
                }
            }
        }

        public static void WriteInvoker(CodeWriter w, InvokerSpec invoker, XmlRpcSpec options)
        {
            var handler = invoker.Handler;
            var values = handler.Parameters.Where(p => p.Kind == ParameterKind.RpcValue).ToList();
            w.Line();
            using (w.Block("private " + RuntimeTypes.ValueTask + " " + invoker.Name + "(" + RuntimeTypes.Request + " request)"))
            {
                w.Line("var target = (" + invoker.NodeTypeName + ")request.Target;");
                w.Line(RuntimeTypes.XmlRpcBinding + ".CheckArgumentCount(request, " + values.Count + ", " + CodeWriter.Quote(handler.Segments[0]) + ");");
                var arguments = handler.Parameters.Select(p => BindingEmitter.ContextArgument(p)
                    ?? RuntimeTypes.XmlRpcBinding + ".Argument<" + p.TypeName + ">(request, " + values.IndexOf(p) + ", " + CodeWriter.Quote(p.Name) + ", "
                        + (p.DefaultLiteral is null ? "hasDefault: false, defaultValue: default!" : "hasDefault: true, " + p.DefaultLiteral) + ")");
                var call = "target." + handler.MethodName + "(" + string.Join(", ", arguments) + ")";
                var allowNone = "allowNone: " + (options.AllowNone ? "true" : "false");
                if (handler.Return.Awaitable is not null)
                {
                    w.Line("return " + RuntimeTypes.HandlerResults + ".AwaitXmlRpc(request, " + call + ", " + allowNone + ");");
                    return;
                }
                if (handler.Return.TypeName == "void")
                {
                    w.Line(call + ";");
                    w.Line(RuntimeTypes.XmlRpcBinding + ".WriteResult(request, null, " + allowNone + ");");
                }
                else
                {
                    w.Line(RuntimeTypes.XmlRpcBinding + ".WriteResult(request, " + call + ", " + allowNone + ");");
                }
                w.Line("return default;");
            }
        }
    }
}
