namespace Cherry.Generators.Emitting
{
    /// <summary>Every runtime type generated code names, fully qualified: the one list to change when one moves.</summary>
    internal static class RuntimeTypes
    {
        public const string Cherry = "global::Cherry.";
        private const string Infrastructure = "global::Cherry.Infrastructure.";

        public const string ArgumentValidation = Infrastructure + "ArgumentValidation";
        public const string Request = Cherry + "Request";
        public const string Parameter = Cherry + "Parameter";
        public const string Tool = Cherry + "Tool";
        public const string HookPoint = Cherry + "HookPoint";
        public const string ArgumentErrors = Infrastructure + "ArgumentErrors";
        public const string ArgumentParser = Infrastructure + "ArgumentParser";
        public const string ConfigBinders = Infrastructure + "ConfigBinders";
        public const string DeclaredArgument = Infrastructure + "DeclaredArgument";
        public const string DeclaredTool = Infrastructure + "DeclaredTool";
        public const string DispatchTree = Infrastructure + "DispatchTree";
        public const string DispatchTreeContext = Infrastructure + "DispatchTreeContext";
        public const string DispatchTreeRegistry = Infrastructure + "DispatchTreeRegistry";
        public const string HandlerEntry = Infrastructure + "HandlerEntry";
        public const string HandlerMatch = Infrastructure + "HandlerMatch";
        public const string HandlerResults = Infrastructure + "HandlerResults";
        public const string JsonBinding = Infrastructure + "JsonBinding";
        public const string PathWalker = Infrastructure + "PathWalker";
        public const string Segment = Infrastructure + "Segment";
        public const string ToolRoots = Infrastructure + "ToolRoots";
        public const string XmlRpcBinding = Infrastructure + "XmlRpcBinding";

        public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
        public const string StringList = "global::System.Collections.Generic.List<string>";
        public const string ParameterList = "global::System.Collections.Generic.List<" + Parameter + ">";
        public const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string>";
        public const string PairList = "global::System.Collections.Generic.List<" + Pair + ">";
    }
}
