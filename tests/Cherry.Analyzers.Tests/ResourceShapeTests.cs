using static Cherry.Analyzers.Tests.Verify;

namespace Cherry.Analyzers.Tests;

/// <summary>CHERRY0011 ([Rest] classes) and CHERRY0013 (tool attributes on methods no request reaches).</summary>
public sealed class ResourceShapeTests
{
    [Fact]
    public Task Rest_members_that_are_not_verbs_and_repeated_verbs_are_reported() => AnalyzerAsync<RestResourceAnalyzer>("""
        [Rest]
        public class Items
        {
            public string Get(string? index = null) => "list";
            public string {|CHERRY0011:Get|}(int index, string filter) => "one";
            public string Post(string value) => "created";
            [Exposed] public string {|CHERRY0011:Search|}(string q) => "found";
        }
        """);

    [Fact]
    public Task A_well_formed_rest_resource_is_fine() => AnalyzerAsync<RestResourceAnalyzer>("""
        [Rest]
        public class Items
        {
            public string Get(string? index = null) => "list";
            public string Post(string value) => "created";
            public string Delete(string index) => "deleted";
            private string Helper() => "not a handler";
        }

        public class NotRest
        {
            [Exposed] public string Search(string q) => "found";
        }
        """);

    [Fact]
    public Task Tools_on_methods_no_request_reaches_are_reported() => AnalyzerAsync<UnexposedToolAnalyzer>("""
        public class Root
        {
            [{|CHERRY0013:Caching(Delay = 60)|}] public string Helper() => "x";
            [{|CHERRY0013:JsonOut|}, {|CHERRY0013:Gzip|}] public object Data() => new();
            [{|CHERRY0013:Config("tools.gzip.on", true)|}] public string Plain() => "x";
        }
        """);

    [Fact]
    public Task Endpoint_policies_on_a_nodes_methods_no_request_reaches_are_reported_and_elsewhere_left_alone() => AnalyzerAsync<UnexposedToolAnalyzer>("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.RateLimiting;

        [Authorize]
        public class Root
        {
            [Exposed, AllowAnonymous, EnableRateLimiting("fixed")] public string Index() => "x";
            [{|CHERRY0013:Authorize(Policy = "admin")|}, {|CHERRY0013:DisableRateLimiting|}] public string Helper() => "x";
        }

        // Not a node: its attributes may serve another framework.
        public class Controllerish
        {
            [Authorize] public string Action() => "x";
        }
        """);

    [Fact]
    public Task Tools_on_exposed_methods_rest_verbs_and_classes_are_fine() => AnalyzerAsync<UnexposedToolAnalyzer>("""
        [Gzip, Config("tools.expires.on", true)]
        public class Root
        {
            [Exposed, Caching(Delay = 60), Config("tools.gzip.on", false)] public string Index() => "x";
            public string Helper() => "x";
        }

        [Rest]
        public class Items
        {
            [JsonOut] public string[] Get() => new[] { "a" };
        }
        """);
}
