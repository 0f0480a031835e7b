using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Cherry.Shared
{
    /// <summary>The framework types the generator and the analyzers recognise, looked up once per compilation.</summary>
    internal sealed class KnownTypes
    {
        private static readonly ConditionalWeakTable<Compilation, KnownTypes> PerCompilation = new ConditionalWeakTable<Compilation, KnownTypes>();

        /// <summary>The known types of a compilation, looked up once for it (the generator's transforms and every analyzer ask).</summary>
        public static KnownTypes For(Compilation compilation) => PerCompilation.GetValue(compilation, c => new KnownTypes(c));

        public KnownTypes(Compilation compilation)
        {
            Exposed = compilation.GetTypeByMetadataName(WellKnownNames.Exposed);
            Rest = compilation.GetTypeByMetadataName(WellKnownNames.Rest);
            PopArgs = compilation.GetTypeByMetadataName("Cherry.PopArgsAttribute");
            Dispatch = compilation.GetTypeByMetadataName("Cherry.DispatchAttribute");
            ToolAttribute = compilation.GetTypeByMetadataName("Cherry.ToolAttribute");
            JsonOut = compilation.GetTypeByMetadataName("Cherry.JsonOutAttribute");
            JsonBody = compilation.GetTypeByMetadataName("Cherry.JsonBodyAttribute");
            KeywordOnly = compilation.GetTypeByMetadataName("Cherry.KeywordOnlyAttribute");
            XmlRpc = compilation.GetTypeByMetadataName("Cherry.XmlRpcAttribute");
            Request = compilation.GetTypeByMetadataName("Cherry.Request");
            Response = compilation.GetTypeByMetadataName("Cherry.Response");
            Session = compilation.GetTypeByMetadataName("Cherry.Session");
            Part = compilation.GetTypeByMetadataName("Cherry.Part");
            StringValues = compilation.GetTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues");
            HttpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
            FromServiceMetadata = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata");
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
            JsonIn = compilation.GetTypeByMetadataName("Cherry.JsonInAttribute");
            Sessions = compilation.GetTypeByMetadataName("Cherry.SessionsAttribute");
            JsonSerializable = compilation.GetTypeByMetadataName(WellKnownNames.JsonSerializable);
            JsonSerializerContext = compilation.GetTypeByMetadataName(WellKnownNames.JsonSerializerContext);
            ValidationAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.ValidationAttribute");
            ValidatableObject = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.IValidatableObject");
        }

        public INamedTypeSymbol? Exposed { get; }
        public INamedTypeSymbol? Rest { get; }
        public INamedTypeSymbol? PopArgs { get; }
        public INamedTypeSymbol? Dispatch { get; }
        public INamedTypeSymbol? ToolAttribute { get; }
        public INamedTypeSymbol? JsonOut { get; }
        public INamedTypeSymbol? JsonBody { get; }
        public INamedTypeSymbol? KeywordOnly { get; }
        public INamedTypeSymbol? XmlRpc { get; }
        public INamedTypeSymbol? Request { get; }
        public INamedTypeSymbol? Response { get; }
        public INamedTypeSymbol? Session { get; }
        public INamedTypeSymbol? Part { get; }

        /// <summary>ASP.NET Core's one-or-many text: a handler parameter as untyped as CherryPy's.</summary>
        public INamedTypeSymbol? StringValues { get; }
        public INamedTypeSymbol? HttpContext { get; }

        /// <summary>What <c>[FromServices]</c> (ASP.NET Core's, or any attribute like it) implements.</summary>
        public INamedTypeSymbol? FromServiceMetadata { get; }
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
        public INamedTypeSymbol? JsonIn { get; }
        public INamedTypeSymbol? Sessions { get; }
        public INamedTypeSymbol? JsonSerializable { get; }
        public INamedTypeSymbol? JsonSerializerContext { get; }

        /// <summary>The base of every DataAnnotations rule (<c>[Required]</c>, <c>[Range]</c>, a user's own).</summary>
        public INamedTypeSymbol? ValidationAttribute { get; }
        public INamedTypeSymbol? ValidatableObject { get; }

        /// <summary>Whether an attribute class is a DataAnnotations rule: it derives from <see cref="ValidationAttribute"/>.</summary>
        public bool IsValidationAttribute(INamedTypeSymbol? attribute)
        {
            for (var current = attribute; current is not null && ValidationAttribute is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, ValidationAttribute))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// The ASP.NET Core endpoint metadata a handler or node class may carry (<c>[Authorize]</c>, <c>[AllowAnonymous]</c>,
        /// rate limiting, CORS, request timeouts, declared response types): an attribute is metadata when its class is,
        /// derives from or implements one of these, the same contracts ASP.NET Core's middleware read. By name: some of
        /// them are declared in more than one assembly of the framework, where a lookup by metadata name finds none.
        /// </summary>
        private static readonly HashSet<string> EndpointMetadataNames = new HashSet<string>
        {
            "Microsoft.AspNetCore.Authorization.IAuthorizeData",
            "Microsoft.AspNetCore.Authorization.IAllowAnonymous",
            "Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute",
            "Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute",
            "Microsoft.AspNetCore.Cors.Infrastructure.IEnableCorsAttribute",
            "Microsoft.AspNetCore.Cors.Infrastructure.IDisableCorsAttribute",
            "Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute",
            "Microsoft.AspNetCore.Http.Timeouts.DisableRequestTimeoutAttribute",
            ProducesResponseTypeMetadata,
            ApiResponseMetadataProvider,
        };

        /// <summary>The contracts of an attribute that declares a response's status: Minimal APIs' and MVC's (<c>[ProducesResponseType]</c>).</summary>
        public const string ProducesResponseTypeMetadata = "Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata";

        public const string ApiResponseMetadataProvider = "Microsoft.AspNetCore.Mvc.ApiExplorer.IApiResponseMetadataProvider";

        /// <summary>Whether an attribute class is ASP.NET Core endpoint metadata (see <see cref="EndpointMetadataNames"/>).</summary>
        public bool IsEndpointMetadata(INamedTypeSymbol? attribute)
        {
            for (var current = attribute; current is not null; current = current.BaseType)
            {
                if (EndpointMetadataNames.Contains(current.ToDisplayString()))
                {
                    return true;
                }
            }
            return attribute is not null && attribute.AllInterfaces.Any(i => EndpointMetadataNames.Contains(i.ToDisplayString()));
        }

        /// <summary>The URL segments a member answers: its explicit <c>[Exposed("name")]</c> or its name, then its aliases.</summary>
        public IEnumerable<string> SegmentsOf(ISymbol member)
        {
            var exposed = member.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, Exposed));
            yield return exposed is { ConstructorArguments.Length: 1 } && exposed.ConstructorArguments[0].Value is string explicitSegment
                ? SegmentNaming.Normalize(explicitSegment)
                : SegmentNaming.FromMemberName(member.Name);
            var aliases = exposed?.NamedArguments.FirstOrDefault(n => n.Key == "Aliases").Value;
            if (aliases is { Kind: TypedConstantKind.Array } list)
            {
                foreach (var alias in list.Values)
                {
                    if (alias.Value is string text)
                    {
                        yield return SegmentNaming.Normalize(text);
                    }
                }
            }
        }
    }

    internal static class WellKnownNames
    {
        public const string Exposed = "Cherry.ExposedAttribute";
        public const string Rest = "Cherry.RestAttribute";
        public const string JsonSerializable = "System.Text.Json.Serialization.JsonSerializableAttribute";
        public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
        public const string MapCherryContainer = "Cherry.CherryEndpointRouteBuilderExtensions";
        public const string MapCherryOpenApiContainer = "Cherry.OpenApiEndpoints";

        /// <summary><c>Quickstart.RunAsync&lt;TRoot&gt;(args)</c> mounts a root as <c>MapCherry&lt;TRoot&gt;</c> does, at its <c>scriptName</c>.</summary>
        public const string QuickstartContainer = "Cherry.Quickstart";

        public const string QuickstartMethod = "RunAsync";

        /// <summary>Whether a method mounts its type argument as a root: <c>MapCherry&lt;TRoot&gt;</c> or <c>Quickstart.RunAsync&lt;TRoot&gt;</c>.</summary>
        public static bool MountsRoot(IMethodSymbol method) =>
            method.TypeArguments.Length == 1
            && (method.Name == "MapCherry" && method.ContainingType?.ToDisplayString() == MapCherryContainer
                || method.Name == QuickstartMethod && method.ContainingType?.ToDisplayString() == QuickstartContainer);
    }
}
