using Cherry;

namespace CherryPySuite;

/// <summary>A port of one CherryPy test module's <c>setup_server</c>: its services and its mounts.</summary>
/// <param name="Kestrel">Server settings of the module (CherryPy's <c>server.*</c> config).</param>
public sealed record SuiteModule(
    Action<WebApplication> Map,
    Action<IServiceCollection>? AddServices = null,
    Action<CherryOptions>? Configure = null,
    Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>? Kestrel = null);

/// <summary>The ported modules, by the name of CherryPy's test module.</summary>
public static class Suite
{
    public static readonly IReadOnlyDictionary<string, SuiteModule> Modules = new Dictionary<string, SuiteModule>(StringComparer.Ordinal)
    {
        ["test_objectmapping"] = new(Apps.ObjectMapping.Map),
        ["test_params"] = new(Apps.Params.Map),
        ["test_etags"] = new(Apps.Etags.Map),
        ["test_json"] = new(Apps.Json.Map),
        ["test_xmlrpc"] = new(Apps.XmlRpc.Map),
        ["test_auth_basic"] = new(Apps.AuthBasic.Map, Apps.AuthBasic.AddServices),
        ["test_auth_digest"] = new(Apps.AuthDigest.Map, Apps.AuthDigest.AddServices),
        ["test_misc_tools"] = new(Apps.MiscTools.Map),
        ["test_iterator"] = new(Apps.Iterator.Map),
        ["test_encoding"] = new(Apps.Encodings.Map),
        ["test_proxy"] = new(Apps.Proxy.Map),
        ["test_mime"] = new(Apps.Mime.Map),
        ["test_http"] = new(Apps.Http.Map, Configure: Apps.Http.Configure, Kestrel: Apps.Http.Kestrel),
        ["test_caching"] = new(Apps.Caching.Map),
        ["test_request_obj"] = new(Apps.RequestObj.Map, Kestrel: Apps.RequestObj.Kestrel),
        ["test_core"] = new(Apps.Core.Map),
        ["test_dynamicobjectmapping"] = new(Apps.DynamicObjectMapping.Map),
        ["test_config"] = new(Apps.Config.Map, Configure: Apps.Config.Configure),
        ["test_virtualhost"] = new(Apps.VirtualHost.Map),
        ["test_sessionauthenticate"] = new(Apps.SessionAuthenticate.Map, Apps.SessionAuthenticate.AddServices, Apps.SessionAuthenticate.Configure),
        ["test_session"] = new(Apps.Session.Map, Apps.Session.AddServices),
        ["test_static"] = new(Apps.Static.Map),
        ["test_tools"] = new(Apps.Tools.Map, Apps.Tools.AddServices, Apps.Tools.Configure),
    };
}
