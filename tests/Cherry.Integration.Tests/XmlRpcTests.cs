using System.Net;
using Cherry.Integration.Tests.App;
using Microsoft.AspNetCore.Builder;

namespace Cherry.Integration.Tests;

public sealed class XmlRpcFixture : IAsyncLifetime
{
    public CherryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CherryServer.StartAsync(app => app.MapCherry<XmlRpcRoot>("/"));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>cases.md §14 XML-RPC, driven by Python's xmlrpc.client, a client no one here wrote.</summary>
public sealed class XmlRpcTests(XmlRpcFixture fixture) : IClassFixture<XmlRpcFixture>
{
    private async Task<string> PythonAsync(string script) =>
        (await Python.RunAsync("import sys, xmlrpc.client as x\nbase = sys.argv[1]\n" + script, [fixture.Server.Address.ToString().TrimEnd('/')])).Trim();

    [Theory]
    [InlineData("/xmlrpc/")]
    [InlineData("/xmlrpc/RPC2")]
    [InlineData("/xmlrpc")]
    public async Task Python_calls_methods_at_every_endpoint_spelling(string path)
    {
        // CherryPy answers 301 to the last two, and the client fails.
        var output = await PythonAsync($"p = x.ServerProxy(base + '{path}')\nprint(p.add(2, 3), p.hello(), p.text.upper('abc'), p.later('x'), p.text.deeper.reverse('abc'))");
        Assert.Equal("5 Hello world! ABC x later cba", output);
    }

    [Fact]
    public async Task Every_type_round_trips()
    {
        var output = await PythonAsync(
            "import datetime\n"
            + "p = x.ServerProxy(base + '/xmlrpc/', allow_none=True, use_builtin_types=True)\n"
            + "r = p.echo(True, 'tëxt <&>', 1.5, datetime.datetime(2026, 11, 26, 12, 30, 5), b'\\x00\\x01', {'k': [1, 'v']}, [1, 2.5, 'three'], None)\n"
            + "print(repr(r))\n"
            + "print(p.big(3), p.nothing())");
        Assert.Equal(
            "[True, 'tëxt <&>', 1.5, datetime.datetime(2026, 11, 26, 12, 30, 5), b'\\x00\\x01', {'k': [1, 'v']}, [1, 2.5, 'three'], None]\n3000000000000 None",
            output.Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData("p.nosuch()", "1 method \"nosuch\" is not supported")]
    [InlineData("p.fail()", "1 unsupported operand type(s) for +: 'dict' and 'int'")]
    [InlineData("p.add({}, 1)", "1 argument 'a' must be Int32, not Dictionary`2")]
    [InlineData("p.add(1, 2, 3)", "1 add() takes 2 arguments but 3 were given")]
    public async Task Errors_are_faults_with_code_1(string call, string expected)
    {
        var output = await PythonAsync($"p = x.ServerProxy(base + '/xmlrpc/')\ntry:\n    {call}\nexcept x.Fault as f:\n    print(f.faultCode, f.faultString)");
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData("p.refuse(42, 'no such account')", "42 no such account <class 'int'>")]
    [InlineData("p.refuse(-32601, 'méthode <absente> & co')", "-32601 méthode <absente> & co <class 'int'>")]
    [InlineData("p.refuse_later(7, 'later')", "7 later <class 'int'>")]
    [InlineData("p.verdict(3)", "3 verdict 3 <class 'int'>")]
    public async Task An_xml_rpc_fault_reaches_the_client_with_its_own_code(string call, string expected)
    {
        var output = await PythonAsync($"p = x.ServerProxy(base + '/xmlrpc/')\ntry:\n    {call}\n    print('no fault')\nexcept x.Fault as e:\n    print(e.faultCode, e.faultString, type(e.faultCode))");
        Assert.Equal(expected, output);
        Assert.Equal("fine", await PythonAsync("print(x.ServerProxy(base + '/xmlrpc/').verdict(0))"));
    }

    [Fact]
    public async Task A_garbage_body_is_the_errormethod_fault()
    {
        var (response, body) = await fixture.Server.Client.FetchAsync(HttpMethod.Post, "/xmlrpc/", "garbage", "text/xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // As CherryPy's faults: no charset, and no Allow header outside a 405.
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.ToString());
        Assert.False(response.Content.Headers.Contains("Allow"));
        Assert.Contains("method \"ERRORMETHOD\" is not supported", body);
    }

    [Fact]
    public async Task A_document_type_declaration_is_refused()
    {
        const string billionLaughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
            <methodCall><methodName>hello</methodName><params><param><value>&lol2;</value></param></params></methodCall>
            """;
        var (response, body) = await fixture.Server.Client.FetchAsync(HttpMethod.Post, "/xmlrpc/", billionLaughs, "text/xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("method \"ERRORMETHOD\" is not supported", body);
        Assert.DoesNotContain("lollol", body);
    }

    [Fact]
    public async Task A_success_is_text_xml()
    {
        var (response, body) = await fixture.Server.Client.FetchAsync(HttpMethod.Post, "/xmlrpc/",
            "<?xml version='1.0'?><methodCall><methodName>add</methodName><params><param><value><i4>2</i4></value></param><param><value><int>3</int></value></param></params></methodCall>",
            "text/xml");
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("<int>5</int>", body);
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow_post()
    {
        var (response, _) = await fixture.Server.Client.FetchAsync("/xmlrpc/hello");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task An_oversized_document_is_a_fault_not_a_crash()
    {
        var huge = "<?xml version='1.0'?><methodCall><methodName>hello</methodName><params><param><value><string>"
            + new string('a', XmlRpcCodec.MaxDocumentCharacters) + "</string></value></param></params></methodCall>";
        var (response, body) = await fixture.Server.Client.FetchAsync(HttpMethod.Post, "/xmlrpc/", huge, "text/xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("method \"ERRORMETHOD\" is not supported", body);
    }

    [Theory]
    [InlineData("<array><data>", "</data></array>")]
    [InlineData("<struct><member><name>m</name>", "</member></struct>")]
    public async Task Deep_nesting_is_a_fault_and_the_server_lives(string open, string close)
    {
        // 32,000 levels (about 640 KB) overflowed the stack of the recursive reader and ended the process.
        const int levels = 32_000;
        var call = new System.Text.StringBuilder("<?xml version='1.0'?><methodCall><methodName>echo</methodName><params><param>");
        for (var i = 0; i < levels; i++)
        {
            call.Append("<value>").Append(open);
        }
        call.Append("<value><int>1</int></value>");
        for (var i = 0; i < levels; i++)
        {
            call.Append(close).Append("</value>");
        }
        call.Append("</param></params></methodCall>");
        var (response, body) = await fixture.Server.Client.FetchAsync(HttpMethod.Post, "/xmlrpc/", call.ToString(), "text/xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"XML-RPC values may nest at most {XmlRpcCodec.MaxDepth} levels deep.", body);
        Assert.Equal("5", await PythonAsync("print(x.ServerProxy(base + '/xmlrpc/').add(2, 3))"));
    }

    [Fact]
    public async Task Nesting_within_the_cap_round_trips()
    {
        // The deepest list the reader accepts, echoed one level inside the answer's array: what is read can be written.
        var lists = XmlRpcCodec.MaxDepth - 1;
        var output = await PythonAsync(
            "import datetime\n"
            + $"v = 1\nfor _ in range({lists - 1}): v = [v]\n"
            + "p = x.ServerProxy(base + '/xmlrpc/', allow_none=True, use_builtin_types=True)\n"
            + "r = p.echo(True, 't', 1.5, datetime.datetime(2026, 1, 1), b'', {}, [v], None)\n"
            + "print(r[6] == [v])");
        Assert.Equal("True", output);
    }
}
