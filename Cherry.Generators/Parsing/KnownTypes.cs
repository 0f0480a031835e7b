using Microsoft.CodeAnalysis;

namespace Cherry.Generators.Parsing
{
    /// <summary>The framework types the parser recognises, looked up once per compilation.</summary>
    internal sealed class KnownTypes
    {
        public KnownTypes(Compilation compilation)
        {
            Exposed = compilation.GetTypeByMetadataName(WellKnownNames.Exposed);
            Rest = compilation.GetTypeByMetadataName(WellKnownNames.Rest);
            PopArgs = compilation.GetTypeByMetadataName("Cherry.PopArgsAttribute");
            Dispatch = compilation.GetTypeByMetadataName("Cherry.DispatchAttribute");
            ToolAttribute = compilation.GetTypeByMetadataName("Cherry.ToolAttribute");
            JsonOut = compilation.GetTypeByMetadataName("Cherry.JsonOutAttribute");
            JsonBody = compilation.GetTypeByMetadataName("Cherry.JsonBodyAttribute");
            XmlRpc = compilation.GetTypeByMetadataName("Cherry.XmlRpcAttribute");
            Request = compilation.GetTypeByMetadataName("Cherry.Request");
            Response = compilation.GetTypeByMetadataName("Cherry.Response");
            Session = compilation.GetTypeByMetadataName("Cherry.Session");
            HttpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
            CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            SpanParsable = compilation.GetTypeByMetadataName("System.ISpanParsable`1");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            ReadOnlyListOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyList`1");
            KeyValuePair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
            EnumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
            AsyncEnumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        }

        public INamedTypeSymbol? Exposed { get; }
        public INamedTypeSymbol? Rest { get; }
        public INamedTypeSymbol? PopArgs { get; }
        public INamedTypeSymbol? Dispatch { get; }
        public INamedTypeSymbol? ToolAttribute { get; }
        public INamedTypeSymbol? JsonOut { get; }
        public INamedTypeSymbol? JsonBody { get; }
        public INamedTypeSymbol? XmlRpc { get; }
        public INamedTypeSymbol? Request { get; }
        public INamedTypeSymbol? Response { get; }
        public INamedTypeSymbol? Session { get; }
        public INamedTypeSymbol? HttpContext { get; }
        public INamedTypeSymbol? CancellationToken { get; }
        public INamedTypeSymbol? SpanParsable { get; }
        public INamedTypeSymbol? Task { get; }
        public INamedTypeSymbol? TaskOfT { get; }
        public INamedTypeSymbol? ValueTask { get; }
        public INamedTypeSymbol? ValueTaskOfT { get; }
        public INamedTypeSymbol? ReadOnlyListOfT { get; }
        public INamedTypeSymbol? KeyValuePair { get; }
        public INamedTypeSymbol? EnumerableOfT { get; }
        public INamedTypeSymbol? AsyncEnumerableOfT { get; }
    }

    internal static class WellKnownNames
    {
        public const string Exposed = "Cherry.ExposedAttribute";
        public const string Rest = "Cherry.RestAttribute";
        public const string JsonSerializable = "System.Text.Json.Serialization.JsonSerializableAttribute";
        public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
        public const string MapCherryContainer = "Cherry.CherryEndpointRouteBuilderExtensions";
    }
}
