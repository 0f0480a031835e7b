using static Cherry.Conformance.Tests.Steps;

namespace Cherry.Conformance.Tests;

/// <summary>
/// Every request of shared/conformance/cases.md, in its order (a case's number is its section and row there), plus
/// the ones marked "added". Servers keep state (counters, the REST list, caches), so the order matters and is the
/// same for both. A deviation names its row in docs/conformance.md and asserts what Cherry does instead.
/// </summary>
public static class Cases
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string XmlRpcAdd = "<?xml version='1.0'?><methodCall><methodName>add</methodName><params><param><value><int>2</int></value></param><param><value><int>3</int></value></param></params></methodCall>";
    private const string XmlRpcNoSuch = "<?xml version='1.0'?><methodCall><methodName>nosuch</methodName><params></params></methodCall>";

    public static IReadOnlyList<Case> All { get; } =
    [
        // 1. Object-tree dispatch
        new("1.1", "GET /", Get("/").Comparing("Content-Length")),
        new Case("1.1a", "added: the Server header of GET /", Get("/")).Deviates(
            "`Server` header", r => Assert.Equal("Cherry/0.1.0", r[0].Header("Server"))),
        new("1.2", "GET /?name=Bob", Get("/?name=Bob")),
        new("1.3", "GET /dir1/", Get("/dir1/")),
        new("1.4", "GET /dir1", Get("/dir1")),
        new("1.5", "GET /dir1?x=1", Get("/dir1?x=1")),
        new("1.6", "GET /dir1/leaf", Get("/dir1/leaf")),
        new("1.7", "GET /dir1/leaf/ (trailing_slash extra)", Get("/dir1/leaf/")),
        new("1.8", "GET /dir1/leaf?dummy=1", Get("/dir1/leaf?dummy=1")),
        new("1.9", "GET /dir1/dir2/posparam/18/24/hut", Get("/dir1/dir2/posparam/18/24/hut")),
        new("1.10", "GET /dir1/dir2/5/3", Get("/dir1/dir2/5/3")),
        new("1.11", "GET /dir1/dir2", Get("/dir1/dir2")),
        new("1.12", "GET /this/does/not/exist", Get("/this/does/not/exist")),
        new("1.13", "GET /not_exposed", Get("/not_exposed")),
        new("1.14", "GET /translate.html, /translate-html", Get("/translate.html"), Get("/translate-html")),
        new("1.15", "GET /page%2Fname", Get("/page%2Fname")),
        new("1.16", "GET /args?a=1", Get("/args?a=1")),
        new("1.17", "GET /args/1/2/3/4?k=v", Get("/args/1/2/3/4?k=v")),
        new("1.18", "GET /one", Get("/one")),
        new("1.18a", "added: GET /signin, GET /signin/a/b?mail=x&pwd=y (two names: 'mail,pwd')", Get("/signin"), Get("/signin/a/b?mail=x&pwd=y")),
        new("1.19", "GET /one?p1=x&extra=y", Get("/one?p1=x&extra=y")),
        new("1.20", "GET /one/x?p1=y", Get("/one/x?p1=y")),
        new("1.21", "GET /nothing/extra", Get("/nothing/extra")),
        new("1.22", "POST /one p1=x&extra=y", Post("/one", "p1=x&extra=y")),
        new("1.23", "POST /one/pos p1=x", Post("/one/pos", "p1=x")),
        new("1.24", "GET /multi?x=1&x=2", Get("/multi?x=1&x=2")),
        new("1.24a", "added: GET /multi?x=1, GET /multi", Get("/multi?x=1"), Get("/multi")),
        new("1.25", "GET /defnoindex, /defnoindex/, /defnoindex/a/b", Get("/defnoindex"), Get("/defnoindex/"), Get("/defnoindex/a/b")),
        new("1.26", "popargs: /blog/, /blog/2009/, /blog/2009/12/, /blog/create", Get("/blog/"), Get("/blog/2009/"), Get("/blog/2009/12/"), Get("/blog/create")),
        new("1.27", "_cp_dispatch: /dyn/, /dyn/42/, /dyn/42/info, /dyn/abc", Get("/dyn/"), Get("/dyn/42/"), Get("/dyn/42/info"), Get("/dyn/abc")),
        new("1.28", "GET /mounted/app/", Get("/mounted/app/")),
        new("1.29", "GET /mounted/app", Get("/mounted/app")),
        new("1.30", "GET /mounted/app/here", Get("/mounted/app/here")),
        new("1.31", "GET /mounted/app/nope/nope", Get("/mounted/app/nope/nope")),
        new("1.32", "GET /mounted", Get("/mounted")),
        new("1.33", "HEAD /", Head("/")),
        new Case("1.34", "GET /?name=%A3", Get("/?name=%A3")).Deviates(
            "Undecodable query string", r => Assert.Equal(400, r[0].Status)),
        new("1.35", "raw GET / without Host", Raw("GET / without Host", "GET / HTTP/1.1\r\n\r\n").ServerLayer()),
        new("1.36", "raw POST /one, urlencoded, no Content-Length",
            Raw("POST /one without Content-Length", "POST /one HTTP/1.1\r\nHost: {host}\r\nContent-Type: " + Form + "\r\nConnection: close\r\n\r\n").ServerLayer()),
        new("1.37", "GET /typed?limit=5", Get("/typed?limit=5")),
        new Case("1.38", "GET /typed?limit=abc", Get("/typed?limit=abc")).Deviates(
            "Enum, number, GUID, date parameters", r =>
            {
                Assert.Equal(400, r[0].Status);
                Assert.Contains("limit", r[0].Text);
            }),
        new("1.39", "GET /url?path=x, /url?path=/abs&relative=server", Get("/url?path=x"), Get("/url?path=/abs&relative=server")),

        // 2. MethodDispatcher
        new("2.1", "GET /rest/ and /rest", Get("/rest/"), Get("/rest")),
        new("2.2", "HEAD /rest/", Head("/rest/")),
        new("2.3", "GET /rest/1", Get("/rest/1")),
        new("2.4", "POST /rest/ value=c", Post("/rest/", "value=c")),
        new Case("2.5", "raw PUT /rest/ without a body", Raw("PUT /rest/ without Content-Length", "PUT /rest/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")).Deviates(
            "REST resource, unsupported method with no body length", r =>
            {
                Assert.Equal(405, r[0].Status);
                Assert.Equal("DELETE, GET, HEAD, POST", r[0].Header("Allow"));
            }),
        new("2.6", "DELETE /rest/0", Delete("/rest/0")),
        new("2.7", "DELETE /rest/99", Delete("/rest/99")),
        new("2.8", "OPTIONS /rest/", Options("/rest/")),

        // 3. Errors, redirects, status
        new("3.1", "GET /error?code=403", Get("/error?code=403")),
        new("3.2", "GET /error?code=418&msg=teapot", Get("/error?code=418&msg=teapot")),
        new("3.3", "GET /boom", Get("/boom")),
        new("3.4", "GET /notfound", Get("/notfound")),
        new("3.5", "GET /nodef/missing (error_page.404)", Get("/nodef/missing")),
        new("3.6", "GET /redirect", Get("/redirect")),
        new("3.7", "GET /redirect?url=/abs&code=301", Get("/redirect?url=/abs&code=301")),
        new("3.8", "GET /redirect?url=http://example.com/x&code=307", Get("/redirect?url=http://example.com/x&code=307")),
        new("3.9", "GET /redirect?url=elsewhere&code=308", Get("/redirect?url=elsewhere&code=308")),
        new("3.10", "HTTP/1.0 GET /redirect?url=/abs", Get("/redirect?url=/abs").Http10()),
        new("3.11", "GET /redirect?url=/x&code=304", Get("/redirect?url=/x&code=304").Comparing("Content-Length")),
        new("3.12", "GET /redirect?url=/y&code=200", Get("/redirect?url=/y&code=200")),
        new Case("3.12a", "added: GET /redirect?url=/a%0D%0AX-Injected:%20yes", Get("/redirect?url=/a%0D%0AX-Injected:%20yes&code=302")).Deviates(
            "`HttpRedirect` with `Location` containing CR/LF", r =>
            {
                Assert.Equal(302, r[0].Status);
                Assert.EndsWith("/a%0D%0AX-Injected:%20yes", r[0].Header("Location"));
                Assert.Null(r[0].Header("X-Injected"));
            }),
        new("3.13", "GET /internal", Get("/internal")),
        new("3.14", "GET /status?s=201, ?s=299%20Custom", Get("/status?s=201"), Get("/status?s=299%20Custom")),
        new("3.15", "GET /status?s=999", Get("/status?s=999")),
        new("3.16", "GET /status?s=204", Get("/status?s=204").Comparing("Content-Length")),
        new("3.17", "GET /cookie?name=a&value=b", Get("/cookie?name=a&value=b")),

        // 4. JSON tools
        new("4.1", "GET /json/out", Get("/json/out")),
        new("4.2", "POST /json/echo [13, \"c\"]", PostJson("/json/echo", "[13, \"c\"]")),
        new Case("4.3", "POST /json/echo as text/plain", PostJson("/json/echo", "[13, \"c\"]", "text/plain")).Deviates(
            "Errors for JSON clients", r => AssertProblem(r[0], 415, "Expected an entity of content type application/json, text/javascript")),
        new Case("4.4", "POST /json/echo [13, -]", PostJson("/json/echo", "[13, -]")).Deviates(
            "Errors for JSON clients", r => AssertProblem(r[0], 400, "Invalid JSON document")),
        new("4.5", "POST /json/echo chunked", PostJson("/json/echo", "[13, \"c\"]") with { Chunked = true }),
        new("4.6", "POST /json/lenient a=1", Post("/json/lenient", "a=1")),
        new("4.7", "POST /json/lenient {\"x\":1}", PostJson("/json/lenient", "{\"x\":1}")),

        // 5. auth_basic
        new("5.1", "GET /basic/", Get("/basic/")),
        new("5.2", "GET /basic/ as bird:wrong", Get("/basic/").With("Authorization", "Basic " + Convert.ToBase64String("bird:wrong"u8))),
        new("5.3", "GET /basic/ as bird:bebop", Get("/basic/").With("Authorization", "Basic " + Convert.ToBase64String("bird:bebop"u8))),
        new("5.4", "Authorization: Basic !!!notbase64", Get("/basic/").With("Authorization", "Basic !!!notbase64")),
        new("5.5", "Authorization: Bearer abc", Get("/basic/").With("Authorization", "Bearer abc")),

        // 6. auth_digest
        new("6.1", "GET /digest/", Get("/digest/")),
        new("6.2", "curl --digest -u alice:4x5istwelve", Curl("/digest/", "--digest", "-u", "alice:4x5istwelve")),
        new("6.3", "curl --digest -u alice:wrong", Curl("/digest/", "--digest", "-u", "alice:wrong")),
        new("6.4", "curl --digest /digest/?a=1&b=2", Curl("/digest/?a=1&b=2", "--digest", "-u", "alice:4x5istwelve")),
        new("6.5", "Authorization: Digest username=\"alice\"", Get("/digest/").With("Authorization", "Digest username=\"alice\"")),
        new("6.6", "a full header with nonce=\"1:bad\"", Get("/digest/").With("Authorization", Digest.Header("1:bad", null))),
        new("6.7", "a valid answer to a fresh nonce", Get("/digest/"), Get("/digest/").Answering()),
        new Case("6.8", "the same header replayed", Get("/digest/"), Get("/digest/").Answering(), Get("/digest/").Replaying()).Deviates(
            "Digest replayed nonce-count", r =>
            {
                Assert.Equal(200, r[1].Status);
                Assert.Equal(401, r[2].Status);
            }, 2),
        new Case("6.9", "a valid answer to a 700 s old nonce", Get("/digest/").With("Authorization", Digest.Header(Digest.CherryPyNonce(TimeSpan.FromSeconds(700)), null))).Deviates(
            "Digest nonces", r =>
            {
                // CherryPy's nonce can be forged from its key; Cherry's cannot, so this is an unknown nonce there.
                // Cherry's stale answer to its own expired nonce: AuthTests.Digest_answers_an_old_nonce_with_stale.
                Assert.Equal(401, r[0].Status);
                Assert.DoesNotContain("stale", r[0].Header("WWW-Authenticate"));
            }),
        new Case("6.10", "a digest computed for uri=/other", Get("/digest/"), Get("/digest/").Answering("/other")).Deviates(
            "Digest `uri` not the request's", r => Assert.Equal(400, r[1].Status), 1),
        new("6.11", "a forged nonce hash", Get("/digest/").With("Authorization", Digest.Header(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ":deadbeef", null))),

        // 7. Caching and expires
        new("7.1", "GET /cache/", Get("/cache/").Presence("Age")),
        // Age by presence: its value depends on when each server stored 7.1, which load on a 2-core machine can shift.
        new("7.2", "GET /cache/ 1.2 s later", Get("/cache/").After(TimeSpan.FromMilliseconds(1200)).Presence("Age")),
        new("7.3", "GET /cache/ Cache-Control: no-cache", Get("/cache/").With("Cache-Control", "no-cache").Presence("Age")),
        new("7.4", "GET /cache/ after the no-cache fetch", Get("/cache/").Presence("Age")),
        new("7.5", "GET /cache/ Pragma: no-cache", Get("/cache/").With("Pragma", "no-cache").Presence("Age")),
        new("7.7", "Cache-Control: max-age=abc", Get("/cache/").With("Cache-Control", "max-age=abc")),
        new("7.8", "POST /cache/ x=1, then GET twice", Post("/cache/", "x=1"), Get("/cache/").Presence("Age"), Get("/cache/").Presence("Age")),
        new("7.9", "POST /cache/ empty, then GET", Post("/cache/"), Get("/cache/").Presence("Age")),
        new Case("7.6", "Cache-Control: max-age=0 right after a fresh entry (run after 7.9 to keep counters aligned)",
            Get("/cache/").With("Cache-Control", "max-age=0").Presence("Age")).Deviates(
            "Caching: `Cache-Control: max-age=0`", r =>
            {
                Assert.Equal(200, r[0].Status);
                Assert.Null(r[0].Header("Age"));
            }),
        new("7.10", "GET /cache/lastmod twice", Get("/cache/lastmod").Comparing("Last-Modified").Presence("Age"), Get("/cache/lastmod").Comparing("Last-Modified").Presence("Age")),
        new("7.11", "If-Modified-Since: the Last-Modified", Get("/cache/lastmod").With("If-Modified-Since", "Sun, 28 Jan 2007 00:00:00 GMT").Presence("Age")),
        new Case("7.12", "If-Modified-Since: one second later", Get("/cache/lastmod").With("If-Modified-Since", "Sun, 28 Jan 2007 00:00:01 GMT")).Deviates(
            "If-Modified-Since / If-Unmodified-Since", r => Assert.Equal(304, r[0].Status)),
        new("7.13", "GET /expires/plain", Get("/expires/plain").Presence("Expires", "Pragma", "Cache-Control")),
        new("7.14", "GET /expires/with_etag", Get("/expires/with_etag").Presence("Expires")),
        new("7.15", "GET /expires/force0", Get("/expires/force0").Comparing("Pragma", "Cache-Control", "Expires")),

        // 8. Conditional requests
        new("8.1", "GET /cond/auto", Get("/cond/auto")),
        new("8.2", "If-None-Match: the tag", Get("/cond/auto").With("If-None-Match", "\"a0300659ceda815259b7cfb28dd106d9\"")),
        new("8.3", "If-None-Match: \"x\", the tag", Get("/cond/auto").With("If-None-Match", "\"x\", \"a0300659ceda815259b7cfb28dd106d9\"")),
        new("8.4", "If-None-Match: *", Get("/cond/auto").With("If-None-Match", "*")),
        new("8.5", "If-None-Match: \"other\"", Get("/cond/auto").With("If-None-Match", "\"other\"")),
        new Case("8.6", "If-None-Match: W/ the tag", Get("/cond/auto").With("If-None-Match", "W/\"a0300659ceda815259b7cfb28dd106d9\"")).Deviates(
            "Weak ETags in If-None-Match", r => Assert.Equal(304, r[0].Status)),
        new("8.7", "POST with If-None-Match: the tag", Post("/cond/auto").With("If-None-Match", "\"a0300659ceda815259b7cfb28dd106d9\"")),
        new("8.8", "If-Match: \"bogus\"", Get("/cond/auto").With("If-Match", "\"bogus\"")),
        new("8.9", "If-Match: the tag; POST If-Match: *", Get("/cond/auto").With("If-Match", "\"a0300659ceda815259b7cfb28dd106d9\""), Post("/cond/auto").With("If-Match", "*")),
        new("8.10", "GET /cond/since", Get("/cond/since").Comparing("Last-Modified")),
        new("8.11", "If-Modified-Since: equal", Get("/cond/since").With("If-Modified-Since", "Sun, 28 Jan 2007 00:00:00 GMT")),
        new Case("8.12", "If-Modified-Since: a day later", Get("/cond/since").With("If-Modified-Since", "Mon, 29 Jan 2007 00:00:00 GMT")).Deviates(
            "If-Modified-Since / If-Unmodified-Since", r => Assert.Equal(304, r[0].Status)),
        new Case("8.13", "If-Unmodified-Since: a day later", Get("/cond/since").With("If-Unmodified-Since", "Mon, 29 Jan 2007 00:00:00 GMT")).Deviates(
            "If-Modified-Since / If-Unmodified-Since", r => Assert.Equal(200, r[0].Status)),
        new("8.14", "If-Unmodified-Since: equal", Get("/cond/since").With("If-Unmodified-Since", "Sun, 28 Jan 2007 00:00:00 GMT")),
        new("8.15", "POST with If-Modified-Since: equal", Post("/cond/since").With("If-Modified-Since", "Sun, 28 Jan 2007 00:00:00 GMT")),

        // 9. gzip
        new("9.1", "GET /gzip/ without Accept-Encoding", Get("/gzip/").Comparing("Content-Length")),
        new("9.2", "Accept-Encoding: gzip", Get("/gzip/").With("Accept-Encoding", "gzip")),
        new("9.3", "Accept-Encoding: x-gzip", Get("/gzip/").With("Accept-Encoding", "x-gzip")),
        new("9.4", "Accept-Encoding: identity / gzip;q=0 / gzip, identity",
            Get("/gzip/").With("Accept-Encoding", "identity"), Get("/gzip/").With("Accept-Encoding", "gzip;q=0"), Get("/gzip/").With("Accept-Encoding", "gzip, identity")),
        new("9.5", "Accept-Encoding: gzip;q=0.5, identity;q=0.1", Get("/gzip/").With("Accept-Encoding", "gzip;q=0.5, identity;q=0.1")),
        new Case("9.6", "Accept-Encoding: deflate / br / *;q=0",
            Get("/gzip/").With("Accept-Encoding", "deflate"), Get("/gzip/").With("Accept-Encoding", "br"), Get("/gzip/").With("Accept-Encoding", "*;q=0")).Deviates(
            "`Accept-Encoding: deflate` / `br`", r =>
            {
                Assert.Equal(200, r[0].Status);
                Assert.Null(r[0].Header("Content-Encoding"));
                Assert.Equal("br", r[1].Header("Content-Encoding"));
                Assert.Equal(406, r[2].Status);
                Assert.Contains("identity, gzip, br", r[2].Text);
            }),
        new("9.7", "HEAD with Accept-Encoding: gzip", Head("/gzip/").With("Accept-Encoding", "gzip")),
        new Case("9.8", "GET /gzip/json", Get("/gzip/json")).Deviates(
            "A handler returning text with a non-text Content-Type", r =>
            {
                Assert.Equal(200, r[0].Status);
                Assert.Equal("{\"not\": \"gzipped by default mime_types\"}", r[0].Text);
            }),

        // 10. Sessions
        new("10.1", "GET /sram/", Get("/sram/")),
        new("10.2", "GET /sram/ twice with its cookie", Get("/sram/"), Get("/sram/").Cookies()),
        new("10.3", "GET /sram/peek with a cookie", Get("/sram/"), Get("/sram/peek").Cookies()),
        new("10.4", "Cookie: ram_sid=deadbeef, GET /sram/", Get("/sram/").With("Cookie", "ram_sid=deadbeef")),
        new("10.5", "Cookie: ram_sid=deadbeef, GET /sram/peek", Get("/sram/peek").With("Cookie", "ram_sid=deadbeef")),
        new("10.6", "GET /sram/regen", Get("/sram/"), Get("/sram/regen").Cookies()),
        new("10.7", "GET /sram/expire", Get("/sram/"), Get("/sram/expire").Cookies()),
        new("10.8", "GET /sfile/", Get("/sfile/"), Get("/sfile/").Cookies()),
        new("10.9", "Cookie: file_sid=../../x", Get("/sfile/").With("Cookie", "file_sid=../../x")),
        new Case("10.10", "Cookie: file_sid=../../../x", Get("/sfile/").With("Cookie", "file_sid=../../../x")).Deviates(
            "Malformed session id in the cookie", r =>
            {
                Assert.Equal(200, r[0].Status);
                Assert.Matches("^file_sid=[0-9a-f]{40};", r[0].Header("Set-Cookie"));
            }),

        // 11. session_auth
        new("11.1", "GET /sauth/", Get("/sauth/")),
        new("11.2", "GET /sauth/login_screen", Get("/sauth/login_screen")),
        new("11.3", "GET /sauth/do_login", Get("/sauth/do_login")),
        new("11.4", "POST do_login, bad password", Get("/sauth/"), Post("/sauth/do_login", "username=test&password=bad&from_page=/sauth/").Cookies()),
        new("11.5", "log in, see the page, log out (11.5–11.7)",
            Get("/sauth/"),
            Post("/sauth/do_login", "username=test&password=password&from_page=/sauth/").Cookies(),
            Get("/sauth/").Cookies(),
            Post("/sauth/do_logout", "from_page=/sauth/").Cookies(),
            Get("/sauth/").Cookies()),
        new("11.8", "GET /sauth/anything?x=1", Get("/sauth/anything?x=1")),
        new Case("11.9", "POST do_login, from_page on another site",
            Get("/sauth/"), Post("/sauth/do_login", "username=test&password=password&from_page=http://evil.example/").Cookies()).Deviates(
            "session_auth `from_page` on another site", r =>
            {
                Assert.Equal(303, r[1].Status);
                Assert.DoesNotContain("evil.example", r[1].Header("Location"));
            }, 1),

        // 12. Misc tools
        new("12.1", "/tools/accept without Accept, Accept: text/plain", Get("/tools/accept"), Get("/tools/accept").With("Accept", "text/plain")),
        new Case("12.2", "/tools/accept Accept: application/json", Get("/tools/accept").With("Accept", "application/json")).Deviates(
            "Errors for JSON clients", r => AssertProblem(r[0], 406,
                "Your client sent this Accept header: application/json. But this resource only emits these media types: text/html, text/plain.")),
        new("12.3", "/tools/select Accept: text/* and text/plain, text/html;q=0.5",
            Get("/tools/select").With("Accept", "text/*"), Get("/tools/select").With("Accept", "text/plain, text/html;q=0.5")),
        new("12.4", "Accept: text/plain;q=abc", Get("/tools/select").With("Accept", "text/plain;q=abc")),
        new("12.5", "/tools/allow GET, HEAD, POST", Get("/tools/allow"), Head("/tools/allow"), Post("/tools/allow")),
        new("12.6", "DELETE /tools/allow", Delete("/tools/allow")),
        new("12.7", "/tools/referer without Referer, from evil.test", Get("/tools/referer"), Get("/tools/referer").With("Referer", "http://evil.test/")),
        new("12.8", "/tools/referer from www.example.com", Get("/tools/referer").With("Referer", "http://www.example.com/page")),
        new("12.9", "/tools/referer_reject without Referer, from example.com",
            Get("/tools/referer_reject"), Get("/tools/referer_reject").With("Referer", "http://www.example.com/page")),
        new("12.10", "/tools/proxy", Get("/tools/proxy")),
        new Case("12.11", "/tools/proxy with X-Forwarded-*", Get("/tools/proxy")
            .With("X-Forwarded-Host", "front.example.org").With("X-Forwarded-For", "10.0.0.1, 10.0.0.2").With("X-Forwarded-Proto", "https")).Deviates(
            "Proxy tool: whose forwarding headers count", r => Assert.Equal("base=https://front.example.org remote=10.0.0.2 url=https://front.example.org/tools/proxy", r[0].Text)),
        new("12.12", "/tools/proxy_default Host: myhost:8080", Get("/tools/proxy_default").With("Host", "myhost:8080")),
        new("12.13", "/tools/headers", Get("/tools/headers").Comparing("X-Custom")),
        new("12.14", "/tools/redirect_internal", Get("/tools/redirect_internal")),
        new("12.15", "/tools/redirect_external", Get("/tools/redirect_external")),
        new("12.16", "/tools/err_redirect", Get("/tools/err_redirect")),
        new("12.17", "/tools/autovary", Get("/tools/autovary")),
        new("12.18", "/tools/flatten", Get("/tools/flatten")),
        new("12.19", "/tools/ignore_range Range: bytes=0-3", Get("/tools/ignore_range").With("Range", "bytes=0-3").Comparing("Accept-Ranges")),
        new("12.20", "/servefile Range: bytes=0-3", Get("/servefile").With("Range", "bytes=0-3").Comparing("Content-Length")),
        new("12.21", "/tools/latin1", Get("/tools/latin1").Comparing("Content-Length")),
        new("12.22", "/tools/latin1 Accept-Charset: utf-8", Get("/tools/latin1").With("Accept-Charset", "utf-8")),
        new("12.23", "GET / Accept-Charset: iso-8859-5, utf-16;q=0.8", Get("/").With("Accept-Charset", "iso-8859-5, utf-16;q=0.8")),

        // 13. Static
        new("13.1", "GET /static/digits.txt", Get("/static/digits.txt").Comparing("Accept-Ranges", "Content-Length").Presence("Last-Modified")),
        new("13.2", "GET /static/", Get("/static/")),
        new("13.3", "GET /static", Get("/static")),
        new Case("13.4", "GET /static/sub/ and /static/sub", Get("/static/sub/"), Get("/static/sub")).Deviates(
            "staticdir directory without a slash", r =>
            {
                Assert.Equal(301, r[1].Status);
                Assert.EndsWith("/static/sub/", r[1].Header("Location"));
            }, 1),
        new("13.5", "GET /static/data.json", Get("/static/data.json")),
        new("13.6", "GET /static_noindex/digits.txt", Get("/static_noindex/digits.txt")),
        new("13.7", "GET /static_noindex/, /static_noindex/nope.txt", Get("/static_noindex/"), Get("/static_noindex/nope.txt")),
        new("13.8", "If-Modified-Since: the file's Last-Modified",
            Get("/static/digits.txt"), Get("/static/digits.txt").WithPrevious("If-Modified-Since", "Last-Modified").Comparing("Content-Length")),
        new("13.9", "If-Unmodified-Since: 2007", Get("/static/digits.txt").With("If-Unmodified-Since", "Sun, 28 Jan 2007 00:00:00 GMT")),
        new("13.10", "Range: bytes=2-5", Get("/static/digits.txt").With("Range", "bytes=2-5")),
        new("13.11", "Range: bytes=-3 / bytes=15-", Get("/static/digits.txt").With("Range", "bytes=-3"), Get("/static/digits.txt").With("Range", "bytes=15-")),
        new("13.12", "Range: bytes=5-2", Get("/static/digits.txt").With("Range", "bytes=5-2")),
        new Case("13.13", "Range: bytes=100-200", Get("/static/digits.txt").With("Range", "bytes=100-200")).Deviates(
            "Reason phrases", r =>
            {
                Assert.Equal(416, r[0].Status);
                Assert.Equal("Range Not Satisfiable", r[0].Reason);
                Assert.Equal("bytes */20", r[0].Header("Content-Range"));
            }),
        new("13.14", "Range: bytes=0-1,4-5", Get("/static/digits.txt").With("Range", "bytes=0-1,4-5")),
        new("13.15", "HTTP/1.0 Range: bytes=2-5", Get("/static/digits.txt").With("Range", "bytes=2-5").Http10().Presence("Accept-Ranges")),
        new Case("13.16", "Range: bytes=abc", Get("/static/digits.txt").With("Range", "bytes=abc")).Deviates(
            "Range header that does not parse", r =>
            {
                Assert.Equal(200, r[0].Status);
                Assert.Equal("0123456789abcdefghij", r[0].Text);
            }),
        new("13.17", "HEAD /static/digits.txt", Head("/static/digits.txt")),
        new("13.18", "/static/../reference_app.py, /static/%2e%2e/reference_app.py (as is)",
            Raw("/static/../reference_app.py", "GET /static/../reference_app.py HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
            Raw("/static/%2e%2e/reference_app.py", "GET /static/%2e%2e/reference_app.py HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")),
        new("13.19", "POST /static/digits.txt", Post("/static/digits.txt")),
        new("13.20", "GET /style.css", Get("/style.css")),
        new("13.21", "GET /servefile", Get("/servefile")),
        new("13.22", "GET /download", Get("/download").Comparing("Content-Disposition")),
        new("13.23", "GET /download_utf8", Get("/download_utf8").Comparing("Content-Disposition")),
        new("13.24", "GET /fileobj", Get("/fileobj").Comparing("Accept-Ranges", "Content-Length").Presence("Last-Modified")),
        new Case("13.25", "GET /favicon.ico", Get("/favicon.ico")).Deviates(
            "`/favicon.ico`", r => Assert.Equal("root default args=('favicon.ico',)", r[0].Text)),

        // 14. XML-RPC, cpstats, gctools
        new("14.1", "POST /xmlrpc/ add(2,3)", PostXml("/xmlrpc/", XmlRpcAdd)),
        new Case("14.2", "POST /xmlrpc add(2,3)", PostXml("/xmlrpc", XmlRpcAdd)).Deviates(
            "XML-RPC at `…/xmlrpc` or `…/xmlrpc/RPC2`", r =>
            {
                Assert.Equal(200, r[0].Status);
                Assert.Contains("<int>5</int>", r[0].Text);
            }),
        new("14.3", "POST /xmlrpc/ nosuch()", PostXml("/xmlrpc/", XmlRpcNoSuch)),
        new("14.4", "POST /xmlrpc/ garbage", PostXml("/xmlrpc/", "garbage")),
        new Case("14.5", "GET /xmlrpc/hello", Get("/xmlrpc/hello")).Deviates(
            "XML-RPC endpoint, GET to a method", r =>
            {
                Assert.Equal(405, r[0].Status);
                Assert.Equal("POST", r[0].Header("Allow"));
            }),
        new("14.6", "ServerProxy('/xmlrpc/'): add(2,3), hello()",
            Python("import xmlrpc.client as x\np = x.ServerProxy('{url}xmlrpc/')\nprint(p.add(2, 3))\nprint(p.hello())")),
        new Case("14.6a", "ServerProxy('/xmlrpc/'): add({}, 1)",
            Python("import xmlrpc.client as x\ntry:\n    x.ServerProxy('{url}xmlrpc/').add({}, 1)\nexcept x.Fault as f:\n    print(f.faultCode, f.faultString)")).Deviates(
            "XML-RPC fault for a wrong argument type", r => Assert.StartsWith("1 argument 'a' must be Int32", r[0].Text)),
        new Case("14.7", "ServerProxy('/xmlrpc/RPC2'): add(2,3)",
            Python("import xmlrpc.client as x\ntry:\n    print(x.ServerProxy('{url}xmlrpc/RPC2').add(2, 3))\nexcept x.ProtocolError as e:\n    print('ProtocolError', e.errcode)")).Deviates(
            "XML-RPC at `…/xmlrpc` or `…/xmlrpc/RPC2`", r => Assert.Equal("5", r[0].Text.Trim())),
        new("14.8", "GET /cpstats/", Get("/cpstats/").Bodies(BodyComparison.None)),
        new("14.9", "GET /cpstats/data", Get("/cpstats/data").Bodies(BodyComparison.StatisticsKeys)),
        new Case("14.10", "GET /cpstats/pause?namespace=…", Get("/cpstats/pause?namespace=CherryPy%20Applications")).Deviates(
            "cpstats `pause`/`resume`", r => Assert.Equal(405, r[0].Status)),
        new("14.11", "POST /cpstats/resume", Post("/cpstats/resume", "namespace=CherryPy%20Applications").Bodies(BodyComparison.None)),
        new("14.12", "GET /gc/, /gc/stats", Get("/gc/"), Get("/gc/stats").Bodies(BodyComparison.FirstLine)),
    ];

    /// <summary>A problem document (RFC 9457) where CherryPy answers a JSON client with its HTML page.</summary>
    private static void AssertProblem(Observed answer, int status, string detail)
    {
        Assert.Equal(status, answer.Status);
        Assert.StartsWith("application/problem+json", answer.Header("Content-Type"));
        var problem = System.Text.Json.JsonDocument.Parse(answer.Body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }
}
