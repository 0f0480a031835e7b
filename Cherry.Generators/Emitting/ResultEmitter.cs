using Cherry.Generators.Model;

namespace Cherry.Generators.Emitting
{
    /// <summary>
    /// Writes the handler call and what becomes of its result: text, bytes, JSON through the planned metadata field,
    /// a stream written as it is produced, or nothing; awaited through a runtime helper when the handler is async.
    /// </summary>
    internal static class ResultEmitter
    {
        public static void WriteCall(CodeWriter w, TreeSpec tree, ReturnSpec result, string call)
        {
            if (result.Awaitable is not null)
            {
                var helper = result.Kind switch
                {
                    ResultKind.None => "AwaitNone(request, " + call + ")",
                    ResultKind.Text => "AwaitText(request, " + call + ")",
                    ResultKind.Bytes => "AwaitBytes(request, " + call + ")",
                    _ => "AwaitJson(request, " + call + ", " + tree.JsonField(result.TypeName) + ")",
                };
                w.Line("return " + RuntimeTypes.HandlerResults + "." + helper + ";");
                return;
            }
            switch (result.Kind)
            {
                case ResultKind.None:
                    w.Line(call + ";");
                    break;
                case ResultKind.Text:
                    w.Line("request.Response.SetText(" + call + ");");
                    break;
                case ResultKind.Bytes:
                    w.Line("request.Response.Body = " + call + " ?? global::System.Array.Empty<byte>();");
                    break;
                case ResultKind.TextStream:
                    w.Line("return " + RuntimeTypes.HandlerResults + ".StreamText(request, " + call + ");");
                    return;
                case ResultKind.ByteStream:
                    w.Line("return " + RuntimeTypes.HandlerResults + ".StreamBytes(request, " + call + ");");
                    return;
                case ResultKind.ObjectStream:
                    w.Line("return " + RuntimeTypes.HandlerResults + ".StreamObjects(request, " + call + ");");
                    return;
                default:
                    w.Line(RuntimeTypes.JsonBinding + ".Write(request, " + call + ", " + tree.JsonField(result.TypeName) + ", \"application/json\");");
                    break;
            }
            w.Line("return default;");
        }
    }
}
