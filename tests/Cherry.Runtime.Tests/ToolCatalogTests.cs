using System.Reflection;
using Cherry.Shared;

namespace Cherry.Runtime.Tests;

/// <summary>
/// Shared/ToolCatalog.cs is the one declaration of every built-in tool, from which Cherry's generator writes its options
/// record, its attribute and its tool's name and binding: these hold the compiled runtime to it, so an attribute setting,
/// a registered tool or a default cannot escape it.
/// </summary>
public sealed class ToolCatalogTests
{
    private static readonly Assembly Runtime = typeof(ToolAttribute).Assembly;

    public static TheoryData<string> WithAttribute() => [.. ToolCatalog.All.Where(t => t.Attribute is not null).Select(t => t.Name)];

    public static TheoryData<string> Names() => [.. ToolCatalog.All.Select(t => t.Name)];

    private static ToolDeclaration Declaration(string name) => ToolCatalog.All.Single(t => t.Name == name);

    private static Type AttributeType(ToolDeclaration tool) =>
        Runtime.GetType("Cherry." + tool.Attribute) ?? throw new Xunit.Sdk.XunitException($"{tool.Name}: no type Cherry.{tool.Attribute}");

    [Theory]
    [MemberData(nameof(WithAttribute))]
    public void Every_attribute_setting_is_an_argument_of_the_catalog_and_every_argument_is_a_setting(string name)
    {
        var tool = Declaration(name);
        var attribute = AttributeType(tool);
        Assert.True(attribute.IsSubclassOf(typeof(ToolAttribute)), $"{attribute.Name} derives from ToolAttribute");

        var settable = attribute.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name)
            .ToHashSet();
        // A positional argument is the constructor's and read-only; every other one is a settable property.
        var declared = tool.Arguments.Where(a => a.Property is not null && a.Position < 0).Select(a => a.Property!).ToHashSet();
        Assert.Empty(declared.Except(settable));
        Assert.Empty(settable.Except(declared));
        foreach (var argument in tool.Arguments.Where(a => a.Position >= 0))
        {
            Assert.NotNull(attribute.GetProperty(argument.Property!)?.GetMethod);
        }

        var parameters = attribute.GetConstructors().Select(c => c.GetParameters().Length).DefaultIfEmpty(0).Max();
        foreach (var argument in tool.Arguments.Where(a => a.Position >= 0))
        {
            Assert.True(argument.Position < parameters, $"{tool.Name}.{argument.Key}: {attribute.Name} has no constructor parameter {argument.Position}");
        }
    }

    /// <summary>A fresh instance of a built-in tool through its catalog class name, as the generated tool roots make it.</summary>
    private static Tool CreateBuiltIn(string name) =>
        (Tool)Activator.CreateInstance(Runtime.GetType("Cherry." + Declaration(name).ToolClass, throwOnError: true)!)!;

    [Fact]
    public void Every_catalog_tool_class_makes_a_tool_under_its_name()
    {
        foreach (var tool in ToolCatalog.All)
        {
            Assert.Equal(tool.Name, CreateBuiltIn(tool.Name).Name);
        }
    }

    [Fact]
    public void Without_generated_roots_the_registry_holds_the_default_tools_and_explains_the_opt_in_for_the_others()
    {
        // This test assembly runs no Cherry generator, so nothing was rooted: what a trimmed app without gzip sees.
        var registry = new ToolRegistry();
        Assert.All(["trailing_slash", "encode", "log_tracebacks"], name => Assert.True(registry.Contains(name), name));
        Assert.False(registry.Contains("gzip"));
        Assert.Equal(
            "the built-in tool 'gzip' is not in this app: Cherry's generator keeps a built-in tool only where it sees it named "
            + "(an attribute, a *.conf or appsettings*.json file of the project, a \"tools.gzip.…\" string in code). "
            + "Opt in with AddCherry(options => options.Tools.Register(() => new GzipTool())).",
            ToolRegistry.Unknown("gzip"));
        Assert.Equal("there is no tool named 'gzipp'.", ToolRegistry.Unknown("gzipp"));

        registry.Register(() => new GzipTool());
        Assert.True(registry.TryCreate("gzip", out var gzip));
        Assert.IsType<GzipTool>(gzip);
    }

    [Theory]
    [MemberData(nameof(WithAttribute))]
    public void An_attribute_left_at_its_defaults_obeys_the_rules(string name)
    {
        var tool = Declaration(name);
        if (tool.Arguments.Any(a => a.Required))
        {
            return;
        }
        // A constructor with no parameters, or with a params array only, builds the attribute with no arguments.
        var constructor = AttributeType(tool).GetConstructors().SingleOrDefault(c =>
            c.GetParameters() is var p && (p.Length == 0 || (p.Length == 1 && p[0].IsDefined(typeof(ParamArrayAttribute)))));
        if (constructor is null)
        {
            return;
        }
        var attribute = (ToolAttribute)constructor.Invoke(constructor.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
        var created = attribute.CreateTool();
        Assert.Equal(name, created.Name);
        var arguments = new ToolArguments(name);
        created.Configure(arguments);
        arguments.ThrowIfUntaken(created.ArgumentKeys);
    }

    /// <summary>The tools that cannot do without an argument: a default one is refused at start-up, naming the key.</summary>
    private static readonly string[] NeedAnArgument = ["redirect", "err_redirect", "staticdir", "staticfile", "auth_basic", "auth_digest"];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_default_tool_obeys_the_rules_or_says_which_argument_it_needs(string name)
    {
        var tool = CreateBuiltIn(name);
        var arguments = new ToolArguments(name);
        if (!NeedAnArgument.Contains(name))
        {
            tool.Configure(arguments);
            return;
        }
        var error = Assert.Throws<CherryConfigurationException>(() => tool.Configure(arguments));
        Assert.Contains(error.Key, Declaration(name).Arguments.Select(a => $"tools.{name}.{a.Key}"));
        Assert.False(error.ConcernsConfiguredValue);
    }

    public static TheoryData<string, string, string, Func<ToolAttribute>> BadValues() => new()
    {
        { "gzip", "compress_level", "12", () => new GzipAttribute { CompressLevel = 12 } },
        { "trailing_slash", "status", "200", () => new TrailingSlashAttribute { Status = 200 } },
        { "referer", "error", "302", () => new RefererAttribute("https://example.com/") { Error = 302 } },
        { "sessions", "timeout", "0", () => new SessionsAttribute { Timeout = 0 } },
        { "expires", "secs", "-1", () => new ExpiresAttribute { Secs = -1 } },
        { "caching", "delay", "0", () => new CachingAttribute { Delay = 0 } },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_rule_holds_whether_the_attribute_or_configuration_sets_the_value(string name, string key, string value, Func<ToolAttribute> attribute)
    {
        var fromAttribute = Assert.Throws<CherryConfigurationException>(() => attribute().CreateTool().Configure(new ToolArguments(name)));
        Assert.Equal($"tools.{name}.{key}", fromAttribute.Key);
        Assert.False(fromAttribute.ConcernsConfiguredValue);

        var tool = CreateBuiltIn(name);
        var arguments = new ToolArguments(name);
        arguments.Set(key, value, "/section");
        var fromConfiguration = Assert.Throws<CherryConfigurationException>(() => tool.Configure(arguments));
        Assert.Equal($"tools.{name}.{key}", fromConfiguration.Key);
        Assert.Equal("/section", fromConfiguration.Section);
        // The same rule says the same thing either way.
        Assert.Equal(fromAttribute.Message[fromAttribute.Message.IndexOf(':', fromAttribute.Message.IndexOf("key", StringComparison.Ordinal))..],
            fromConfiguration.Message[fromConfiguration.Message.IndexOf(':', fromConfiguration.Message.IndexOf("key", StringComparison.Ordinal))..]);
    }

    [Fact]
    public void Configuration_overrides_the_attribute_and_keeps_what_it_does_not_set()
    {
        var tool = (GzipTool)new GzipAttribute { CompressLevel = 9, MimeTypes = ["application/json"] }.CreateTool();
        var arguments = new ToolArguments("gzip");
        arguments.Set(ToolCatalog.Gzip.CompressLevel.Key, "1", "/");
        tool.Configure(arguments);
        Assert.Equal(new GzipOptions { CompressLevel = 1, MimeTypes = tool.Options.MimeTypes }, tool.Options);
        Assert.Equal(["application/json"], tool.Options.MimeTypes);
    }

    [Theory]
    [InlineData("secure", "sometimes", "True (or Always), False (or None), or SameAsRequest")]
    [InlineData("samesite", "loose", "Lax, Strict or None")]
    [InlineData("locking", "late", "implicit, early or explicit")]
    public void A_session_enum_from_configuration_names_the_values_it_accepts(string key, string value, string accepted)
    {
        var arguments = new ToolArguments("sessions");
        arguments.Set(key, value, "/");
        var error = Assert.Throws<CherryConfigurationException>(() => new SessionsTool().Configure(arguments));
        Assert.Equal($"tools.sessions.{key}", error.Key);
        Assert.Contains(accepted, error.Message);
    }

    [Theory]
    [InlineData("SHA-1", "'SHA-1' is not MD5 or SHA-256")]
    [InlineData("", "at least one digest algorithm")]
    public void Digest_algorithms_from_configuration_are_md5_or_sha256(string value, string problem)
    {
        var arguments = new ToolArguments("auth_digest");
        arguments.Set("realm", "wonderland", "/");
        arguments.Set("key", "a565c27146791cfb", "/");
        arguments.Set("algorithms", value, "/");
        var error = Assert.Throws<CherryConfigurationException>(() => new AuthDigestTool().Configure(arguments));
        Assert.Equal("tools.auth_digest.algorithms", error.Key);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Response_headers_from_configuration_add_to_the_attribute_s_and_are_held_to_pairs()
    {
        var tool = (ResponseHeadersTool)new ResponseHeadersAttribute("X-A", "1").CreateTool();
        var arguments = new ToolArguments("response_headers");
        arguments.Set("headers", "X-B, 2", "/");
        tool.Configure(arguments);
        Assert.Equal(["X-A", "1", "X-B", "2"], tool.Options.Headers);

        var odd = Assert.Throws<CherryConfigurationException>(() => new ResponseHeadersAttribute("X-A").CreateTool().Configure(new ToolArguments("response_headers")));
        Assert.Equal("tools.response_headers.headers", odd.Key);
    }
}
