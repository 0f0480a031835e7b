namespace Cherry.Conformance.Tests;

/// <summary>
/// What CherryPy's suite cannot show: a test it marks xfail for a documented deviation stops at the deviating line, so
/// the assertions after it never run. Here they run against the same port of the test's app (tests/CherryPySuite),
/// with the same client, each as upstream wrote it except where a deviation itself answers (noted beside it). The
/// tests whose deviation is their last line, or whose rest changes cherrypy.config in the test process, are listed in
/// docs/testing.md; test_session's are in <see cref="SessionSuiteContinuationTests"/>.
/// </summary>
public sealed class SuiteContinuationTests
{
    /// <summary>
    /// test_xmlrpc.py::XmlRpcTest::testXmlRpc after <c>GET /xmlrpc/foo</c> (405 in Cherry: an XML-RPC method answers
    /// methodCalls only): every proxy call, through Python's xmlrpc.client.
    /// </summary>
    [Fact]
    public async Task The_xml_rpc_proxy_calls_of_test_xmlrpc_run_as_upstream_wrote_them()
    {
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_xmlrpc");
        var script = $$"""
            from xmlrpc.client import ServerProxy, DateTime, Fault
            proxy = ServerProxy('http://127.0.0.1:{{host.Port}}/xmlrpc/')
            assert proxy.return_single_item_list() == [42]
            assert proxy.return_single_item_list() != 'one bazillion'
            assert proxy.return_string() == 'here is a string'
            assert proxy.return_tuple() == list(('here', 'is', 1, 'tuple'))
            assert proxy.return_dict() == {'a': 1, 'c': 3, 'b': 2}
            assert proxy.return_composite() == [{'a': 1, 'z': 26}, 'hi', ['welcome', 'friend']]
            assert proxy.return_int() == 42
            assert proxy.return_float() == 3.14
            assert proxy.return_datetime() == DateTime((2003, 10, 7, 8, 1, 0, 1, 280, -1))
            assert proxy.return_boolean() is True
            assert proxy.test_argument_passing(22) == 22 * 2
            try:
                proxy.test_argument_passing({})
                raise AssertionError('Expected xmlrpclib.Fault')
            except Fault as x:
                # The deviation "XML-RPC fault for a wrong argument type": the typed parameter's message, not Python's TypeError.
                assert x.faultString.startswith("argument 'num' must be "), x.faultString
            try:
                proxy.non_method()
                raise AssertionError('Expected xmlrpclib.Fault')
            except Fault as x:
                assert x.faultString == 'method "non_method" is not supported', x.faultString
            try:
                proxy.test_returning_Fault()
                raise AssertionError('Expected xmlrpclib.Fault')
            except Fault as x:
                assert x.faultString == 'custom Fault response', x.faultString
            print('ok')
            """;
        Assert.Equal("ok", await UpstreamPython.RunAsync(script));
    }

    /// <summary>test_json.py::JsonTest::test_json_output after <c>/json_list</c>: <c>/json_dict</c>.</summary>
    [Fact]
    public async Task The_json_dict_of_test_json_output_is_written_without_spaces()
    {
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_json");
        await UpstreamPython.RunTestLinesAsync(host, """
            self.getPage('/json_dict')
            # The deviation "JSON output spacing": System.Text.Json writes no space after the colon.
            self.assertBody('{"answer":42}')
            """);
    }

    /// <summary>
    /// test_proxy.py::ProxyTest::testProxy after two X-Forwarded-Host entries: X-Forwarded-For, X-Host,
    /// X-Forwarded-Proto, X-Forwarded-Ssl, <c>cherrypy.url()</c> in and outside requests under both script names, and
    /// the trailing slash.
    /// </summary>
    [Fact]
    public async Task The_forwarding_headers_and_urls_of_test_proxy_run_as_upstream_wrote_them()
    {
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_proxy");
        await UpstreamPython.RunTestLinesAsync(host, """
            script_names = ['', '/path/to/myapp']

            # Test multiple X-Forwarded-Host headers
            self.getPage('/', headers=[
                ('X-Forwarded-Host', 'http://www.example.test, www.cherrypy.test'),
            ])
            # The deviation "Proxy tool: whose forwarding headers count": the nearest hop's host, not the leftmost.
            self.assertHeader('Location', '%s://www.cherrypy.test/dummy' % self.scheme)

            # Test X-Forwarded-For (Apache2)
            self.getPage('/remoteip',
                         headers=[('X-Forwarded-For', '192.168.0.20')])
            self.assertBody('192.168.0.20')
            # Fix bug #1268
            self.getPage('/remoteip',
                         headers=[
                             ('X-Forwarded-For', '67.15.36.43, 192.168.0.20')
                         ])
            # The same deviation: the nearest address no trusted proxy holds, not the leftmost, which the client writes.
            self.assertBody('192.168.0.20')

            # Test X-Host (lighttpd; see https://trac.lighttpd.net/trac/ticket/418)
            self.getPage('/xhost', headers=[('X-Host', 'www.example.test')])
            self.assertHeader('Location', '%s://www.example.test/blah' %
                              self.scheme)

            # Test X-Forwarded-Proto (lighttpd)
            self.getPage('/base', headers=[('X-Forwarded-Proto', 'https')])
            self.assertBody('https://www.mydomain.test')

            # Test X-Forwarded-Ssl (webfaction?)
            self.getPage('/ssl', headers=[('X-Forwarded-Ssl', 'on')])
            self.assertBody('https://www.mydomain.test')

            # Test cherrypy.url()
            for sn in script_names:
                # Test the value inside requests
                self.getPage(sn + '/newurl')
                self.assertBody(
                    "Browse to <a href='%s://www.mydomain.test" % self.scheme +
                    sn + "/this/new/page'>this page</a>.")
                self.getPage(sn + '/newurl', headers=[('X-Forwarded-Host',
                                                       'http://www.example.test')])
                self.assertBody("Browse to <a href='http://www.example.test" +
                                sn + "/this/new/page'>this page</a>.")

                # Test the value outside requests
                port = ''
                if self.scheme == 'http' and self.PORT != 80:
                    port = ':%s' % self.PORT
                elif self.scheme == 'https' and self.PORT != 443:
                    port = ':%s' % self.PORT
                host = self.HOST
                if host in ('0.0.0.0', '::'):
                    import socket
                    host = socket.gethostname()
                expected = ('%s://%s%s%s/this/new/page'
                            % (self.scheme, host, port, sn))
                self.getPage(sn + '/pageurl')
                self.assertBody(expected)

            # Test trailing slash (see
            # https://github.com/cherrypy/cherrypy/issues/562).
            self.getPage('/xhost/', headers=[('X-Host', 'www.example.test')])
            self.assertHeader('Location', '%s://www.example.test/xhost'
                              % self.scheme)
            """);
    }

    /// <summary>
    /// test_config.py::ConfigTests::testUnrepr after <c>filename</c>: every later key of the ioconf is an expression,
    /// which the port's INI leaves out, so each answers None.
    /// </summary>
    [Fact]
    public async Task The_expression_values_of_test_config_unrepr_are_absent()
    {
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_config");
        await UpstreamPython.RunTestLinesAsync(host, """
            # The deviation "INI values: Python literals only": each key below is an expression in the Python's ioconf
            # (response_codes[404], __import__(...).thing2, 3+2j, 6*3, %(ones)s + ...), absent from the port's INI.
            self.getPage('/repr?key=thing1')
            self.assertBody('None')

            self.getPage('/repr?key=thing2')
            self.assertBody('None')

            self.getPage('/repr?key=complex')
            self.assertBody('None')

            self.getPage('/repr?key=mul')
            self.assertBody('None')

            self.getPage('/repr?key=stradd')
            self.assertBody('None')
            """);
    }

    /// <summary>test_encoding.py::EncodingTests::test_query_string_decoding after the status: the error page's message.</summary>
    [Fact]
    public async Task The_undecodable_query_string_page_of_test_encoding_carries_upstreams_message()
    {
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_encoding");
        await UpstreamPython.RunTestLinesAsync(host, """
            from urllib.parse import quote as url_quote
            URI_TMPL = '/reqparams?q={q}'
            europoundUtf8_2nd_byte = '\u00A3'.encode('utf-8')[1:2]

            self.getPage(URI_TMPL.format(q=url_quote(europoundUtf8_2nd_byte)))
            # The deviation "Undecodable query string": a 400 with the same message, not a 404.
            self.assertErrorPage(
                400,
                'The given query string could not be processed. Query '
                "strings for this resource must be encoded with 'utf8'.")
            """);
    }

    /// <summary>test_encoding.py::EncodingTests::testGzip after <c>/gzip/noshow</c>: a streamed body failing under gzip.</summary>
    [Fact]
    public async Task The_streamed_gzip_failure_of_test_encoding_breaks_the_chunked_body()
    {
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_encoding");
        await UpstreamPython.RunTestLinesAsync(host, """
            from http.client import IncompleteRead

            # cherrypy.server.protocol_version is HTTP/1.1 and no Apache fronts the port: upstream's else branch.
            # The wsgiserver will simply stop sending data, and the HTTP client
            # will error due to an incomplete chunk-encoded stream.
            self.assertRaises((ValueError, IncompleteRead), self.getPage,
                              '/gzip/noshow_stream',
                              headers=[('Accept-Encoding', 'gzip')])
            """);
    }

    /// <summary>
    /// test_tools.py::ToolTests::testHookErrors after <c>/demo/err</c>'s 502: on_end_request after an error and after
    /// a broken stream, a tool as a decorator, and one taking its arguments from config.
    /// </summary>
    [Fact]
    public async Task The_end_request_hooks_and_decorators_of_test_tools_run_as_upstream_wrote_them()
    {
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_tools");
        await UpstreamPython.RunTestLinesAsync(host, """
            from http.client import IncompleteRead

            self.getPage('/demo/err?id=3')
            # The deviation "Error page tracebacks": the 502 carries .NET's exception, not Python's 'raise ValueError()'.
            self.assertErrorPage(502, pattern='System.ArgumentException')
            # If this fails, then on_end_request isn't being called at all.
            # Upstream: time.sleep(0.1), for on_end_request, which runs after the response is sent.
            until(lambda: self.getPage('/demo/ended/3')[2] == b'True', 'on_end_request of id 3')
            self.assertBody('True')

            # cherrypy.server.protocol_version is HTTP/1.1 and no Apache fronts the port: upstream's else branch.
            # Because this error is raised after the response body has
            # started, and because it's chunked output, an error is raised by
            # the HTTP client when it encounters incomplete output.
            self.assertRaises((ValueError, IncompleteRead), self.getPage,
                              '/demo/errinstream?id=5')
            # If this fails, then on_end_request isn't being called at all.
            # Upstream: time.sleep(0.1).
            until(lambda: self.getPage('/demo/ended/5')[2] == b'True', 'on_end_request of id 5')
            self.assertBody('True')

            # Test the "__call__" technique (compile-time decorator).
            self.getPage('/demo/restricted')
            self.assertErrorPage(401)

            # Test compile-time decorator with kwargs from config.
            self.getPage('/demo/userid')
            self.assertBody('Welcome!')
            """);
    }

    /// <summary>
    /// test_request_obj.py::RequestObjectTests::testErrorHandling after <c>/error/page_method</c>: errors in a yielded
    /// and a streamed body, a bad status in finalize, a reason phrase, custom error pages, and a rethrown error.
    /// </summary>
    [Fact]
    public async Task The_error_pages_of_test_request_obj_run_as_upstream_wrote_them()
    {
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_request_obj");
        await UpstreamPython.RunTestLinesAsync(host, """
            from http.client import IncompleteRead

            # Upstream adds ValueError to webtest.ignored_exceptions here, for the errors its in-process server logs.
            self.getPage('/error/page_yield')
            # The deviation "Error page tracebacks": .NET's exception (the port's for ValueError), not 'raise ValueError()'.
            self.assertErrorPage(500, pattern='System.InvalidOperationException')

            # cherrypy.server.protocol_version is HTTP/1.1 and no Apache fronts the port: upstream's else branch.
            # Under HTTP/1.1, the chunked transfer-coding is used.
            # The HTTP client will choke when the output is incomplete.
            self.assertRaises((ValueError, IncompleteRead), self.getPage,
                              '/error/page_streamed')

            # No traceback should be present
            self.getPage('/error/cause_err_in_finalize')
            msg = "Illegal response status from server ('ZOO' is non-numeric)."
            self.assertErrorPage(500, msg, None)

            # Test HTTPError with a reason-phrase in the status arg.
            self.getPage('/error/reason_phrase')
            self.assertStatus("410 Gone fishin'")

            # Test custom error page for a specific error.
            self.getPage('/error/custom')
            self.assertStatus(404)
            self.assertBody('Hello, world\r\n' + (' ' * 499))

            # Test custom error page for a specific error.
            self.getPage('/error/custom?err=401')
            self.assertStatus(401)
            self.assertBody(
                'Error 401 Unauthorized - '
                "Well, I'm very sorry but you haven't paid!")

            # Test default custom error page.
            self.getPage('/error/custom_default')
            self.assertStatus(500)
            self.assertBody(
                'Error 500 Internal Server Error - '
                "Well, I'm very sorry but you haven't paid!".ljust(513))

            # Test error in custom error page (ticket #305).
            # Note that the message is escaped for HTML (ticket #310).
            self.getPage('/error/noexist')
            self.assertStatus(404)
            # The deviation "error_page.404 = 'nonexistent.html' stops start-up": the port leaves the key out, so the
            # page is the stock 404 with the escaped message and no "the custom error page failed" part.
            self.assertErrorPage(404, 'No, <b>really</b>, not found!')

            # Test throw_errors (ticket #186).
            self.getPage('/error/rethrow')
            # The deviation "Error page tracebacks": request.throw_errors has no counterpart; the 500 page's traceback
            # is .NET's, not Python's 'raise ValueError()'.
            self.assertInBody('System.InvalidOperationException')
            """);
    }
}
