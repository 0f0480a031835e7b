namespace Cherry.Runtime.Tests;

/// <summary>cherrypy.url() outside a request, as CherryPy's _helper.url and server.base() build it.</summary>
public sealed class CherryUrlsTests
{
    [Theory]
    [InlineData("http://example.com:8080", "/a/b", null, "", "http://example.com:8080/a/b")]
    [InlineData("http://example.com:8080", "/a/b", "x=1&y=2", "/app", "http://example.com:8080/app/a/b?x=1&y=2")]
    [InlineData("http://example.com", "/a/./b/../c", "", "/app", "http://example.com/app/a/c")]
    [InlineData("http://example.com", "/../../etc", null, "/app", "http://example.com/app/etc")]
    [InlineData("http://example.com/", "", null, "", "http://example.com/")]
    [InlineData("http://example.com", "", null, "/app/", "http://example.com/app/")]
    [InlineData("http://example.com", "page", null, "/app", "http://example.com/app/page")]
    [InlineData("http://example.com", "dir/", null, "/app", "http://example.com/app/dir/")]
    public void Builds_base_script_name_normalised_path_and_query(string baseUrl, string path, string? query, string scriptName, string expected) =>
        Assert.Equal(expected, CherryUrls.Build(baseUrl, path, query, scriptName));

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:80", "http://127.0.0.1")]
    [InlineData("https://example.com:443", "https://example.com")]
    [InlineData("https://example.com:80", "https://example.com:80")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000")]
    [InlineData("http://localhost:5000", "http://localhost:5000")]
    public void The_server_base_drops_the_default_port(string address, string expected) =>
        Assert.Equal(expected, CherryUrls.ServerBase(address));

    [Theory]
    [InlineData("http://0.0.0.0:8080", ":8080")]
    [InlineData("http://[::]:8080", ":8080")]
    [InlineData("http://+:80", "")]
    [InlineData("http://*:5000", ":5000")]
    public void A_wildcard_address_is_this_machines_name(string address, string port) =>
        Assert.Equal("http://" + System.Net.Dns.GetHostName() + port, CherryUrls.ServerBase(address));
}
