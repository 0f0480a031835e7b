namespace Cherry.Conformance.Tests;

/// <summary>
/// test_session.py's two <c>test_0_Session</c> tests past their deviating lines (see <see cref="SuiteContinuationTests"/>),
/// each on a fresh host as its test class gets one. The lines before the deviation run too: they make the sessions the
/// rest reads. Upstream's <c>time.sleep</c> waits for the server's timeout and sweep; here <c>until</c> polls for what
/// the sleep waited for.
/// </summary>
public sealed class SessionSuiteContinuationTests
{
    /// <summary>
    /// SessionTest::test_0_Session: RAM sessions (the counter, the cookie, /length, /delkey), then file sessions (the
    /// counter, expiry and the sweep, <c>in</c>, /length, /delete, the sweep of what is left).
    /// </summary>
    [Fact]
    public async Task Ram_then_file_sessions_of_test_session_run_as_upstream_wrote_them()
    {
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_session");
        await UpstreamPython.RunTestLinesAsync(host, $$"""
            import os
            from cherrypy import _json as json
            localDir = {{PythonString(host.SessionDirectory)}}

            self.getPage('/set_session_cls/cherrypy.lib.sessions.RamSession')
            self.getPage('/clear')

            self.getPage('/data')
            # The deviation "JSON output spacing": System.Text.Json writes no space after the colon.
            assert self.body == b'{"aha":"foo"}', self.body
            c = self.cookies[0]
            self.getPage('/data', self.cookies)
            self.cookies[0] == c  # upstream compares without asserting (expires moves with the clock)

            self.getPage('/testStr')
            assert self.body == b'1'
            cookie_parts = dict([p.strip().split('=')
                                 for p in self.cookies[0][1].split(';')])
            # The deviation "Set-Cookie attribute case": path and max-age, not Path and Max-Age.
            expected_cookie_keys = {'session_id', 'expires', 'path', 'max-age'}
            assert set(cookie_parts.keys()) == expected_cookie_keys, cookie_parts
            self.getPage('/testGen', self.cookies)
            assert self.body == b'2'
            self.getPage('/testStr', self.cookies)
            assert self.body == b'3'
            self.getPage('/data', self.cookies)
            expected_data = {'counter': 3, 'aha': 'foo'}
            assert json.decode(self.body.decode('utf-8')) == expected_data
            self.getPage('/length', self.cookies)
            assert self.body == b'2'
            self.getPage('/delkey?key=counter', self.cookies)
            assert self.status_code == 200

            self.getPage('/set_session_cls/cherrypy.lib.sessions.FileSession')
            self.getPage('/testStr')
            assert self.body == b'1'
            self.getPage('/testGen', self.cookies)
            assert self.body == b'2'
            self.getPage('/testStr', self.cookies)
            assert self.body == b'3'
            self.getPage('/delkey?key=counter', self.cookies)
            assert self.status_code == 200

            def f():
                return [
                    x
                    for x in os.listdir(localDir)
                    if x.startswith('session-') and not x.endswith('.lock')
                ]

            # Upstream: time.sleep(2), for the session's one-second timeout and the sweep after it.
            until(lambda: f() == [], 'the file session to time out and be swept')
            self.getPage('/')
            assert self.body == b'1'
            self.getPage('/length', self.cookies)
            assert self.body == b'1'

            # Test session __contains__
            self.getPage('/keyin?key=counter', self.cookies)
            assert self.body == b'True'
            cookieset1 = self.cookies

            # Make a new session and test __len__ again
            self.getPage('/')
            self.getPage('/length', self.cookies)
            assert self.body == b'2'

            # Test session delete
            self.getPage('/delete', self.cookies)
            assert self.body == b'done'
            self.getPage('/delete', cookieset1)
            assert self.body == b'done'
            assert f() == []

            # Wait for the cleanup thread to delete remaining session files
            self.getPage('/')
            assert f() != []
            # Upstream: time.sleep(2).
            until(lambda: f() == [], 'the sweep to delete the remaining session file')
            """);
    }

    /// <summary>
    /// MemcachedSessionTest::test_0_Session past <c>/length</c>'s 500 (memcached cannot count its sessions; the page's
    /// traceback names .NET's exception): /delkey, a new session, <c>in</c>, /delete. memcached is the one the
    /// integration tests start, handed to the host as cherry_suite.py hands it.
    /// </summary>
    [Fact]
    public async Task Memcached_sessions_of_test_session_run_as_upstream_wrote_them()
    {
        var memcached = await Cherry.Integration.Tests.TestServers.MemcachedAsync();
        await using var host = await ServerProcess.StartSuiteModuleAsync("test_session", new Dictionary<string, string> { ["CHERRY_SUITE_MEMCACHED"] = memcached });
        await UpstreamPython.RunTestLinesAsync(host, """
            self.getPage(
                '/set_session_cls/cherrypy.lib.sessions.MemcachedSession'
            )

            self.getPage('/testStr')
            assert self.body == b'1'
            self.getPage('/testGen', self.cookies)
            assert self.body == b'2'
            self.getPage('/testStr', self.cookies)
            assert self.body == b'3'
            self.getPage('/length', self.cookies)
            self.assertErrorPage(500)
            # The deviation "Error page tracebacks": .NET's NotImplementedException, not Python's NotImplementedError.
            assert b'NotImplementedException' in self.body, self.body
            self.getPage('/delkey?key=counter', self.cookies)
            assert self.status_code == 200

            # Upstream sleeps 1.25 s here for the session's timeout; no line below reads the old session ('/' is sent
            # without cookies), so there is nothing to wait for.
            self.getPage('/')
            assert self.body == b'1'

            # Test session __contains__
            self.getPage('/keyin?key=counter', self.cookies)
            assert self.body == b'True'

            # Test session delete
            self.getPage('/delete', self.cookies)
            assert self.body == b'done'
            """);
    }

    private static string PythonString(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
