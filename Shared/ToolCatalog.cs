using System;
using static Cherry.Shared.ToolRules;

namespace Cherry.Shared
{
    /// <summary>
    /// Every built-in tool and every argument it takes, said once: the config keys the runtime binds and checks at
    /// start-up, the attribute members the analyzers check at build time, and the rule both apply. A tool's typed
    /// options record holds the values and their defaults; this holds what they are called and what they may be.
    /// </summary>
    internal static class ToolCatalog
    {
        /// <summary>The arguments every tool takes besides its own: the switch and the place in its hook point.</summary>
        public static class Common
        {
            public static readonly ToolArgument<bool> On = new("on");
            public static readonly ToolArgument<int> Priority = new("priority");
            public static readonly ToolArgument[] All = { On, Priority };
        }

        public static class TrailingSlash
        {
            public const string Name = "trailing_slash";
            public static readonly ToolArgument<bool> Missing = new("missing", "Missing") { Default = true, Doc = "Redirect an index reached without its trailing slash" };
            public static readonly ToolArgument<bool> Extra = new("extra", "Extra") { Doc = "Redirect a non-index reached with a trailing slash" };
            public static readonly ToolArgument<int> Status = new("status", "Status", RedirectStatus) { Doc = "The redirect status, 300 to 399; 0 picks 301 for GET and HEAD and 308 otherwise" };
            public static readonly ToolDeclaration Tool = new(Name, "TrailingSlashAttribute", "TrailingSlashTool", Missing, Extra, Status)
            {
                Summary = "Sets <c>trailing_slash</c>'s arguments for a handler or a sub-tree: <c>[TrailingSlash(Extra = true)]</c>.",
                OnByDefault = true,
                Point = "BeforeHandler",
                Priority = 60,
            };
        }

        public static class Encode
        {
            public const string Name = "encode";
            public static readonly ToolArgument<string?> Encoding = new("encoding", "Encoding") { AllowsNone = true, Doc = "Always this charset; a client that refuses it gets a 406 (<c>encoding</c>). Null negotiates" };
            public static readonly ToolArgument<string> DefaultEncoding = new("default_encoding", "DefaultEncoding") { Default = "utf-8", Doc = "The charset for <c>*</c> and for clients that send no Accept-Charset" };
            public static readonly ToolArgument<bool> TextOnly = new("text_only", "TextOnly") { Default = true, Doc = "Only <c>text/*</c> responses get a charset" };
            public static readonly ToolDeclaration Tool = new(Name, "EncodeAttribute", "EncodeTool", Encoding, DefaultEncoding, TextOnly)
            {
                Summary = "Sets the encode tool's arguments: a fixed charset, the default charset, or all content types.",
                OnByDefault = true,
            };
        }

        public static class Decode
        {
            public const string Name = "decode";
            public static readonly ToolArgument<string?> Encoding = new("encoding", "Encoding") { AllowsNone = true, Doc = "The one charset form bodies are decoded with, in place of the request's own" };
            public static readonly ToolArgument<string> DefaultEncoding = new("default_encoding", "DefaultEncoding") { Default = "utf-8", Doc = "The charset tried after the request's own" };
            public static readonly ToolDeclaration Tool = new(Name, "DecodeAttribute", "DecodeTool", Encoding, DefaultEncoding)
            {
                Summary = "Turns on <see cref=\"DecodeTool\"/>: <c>[Decode(Encoding = \"utf-8\")]</c>.",
                Point = "BeforeRequestBody",
            };
        }

        public static class Gzip
        {
            public const string Name = "gzip";
            public static readonly ToolArgument<int> CompressLevel = new("compress_level", "CompressLevel", ToolRules.CompressLevel) { Default = 5, Doc = "0 (none) to 9 (smallest), CherryPy's scale" };
            public static readonly ToolArgument<string[]> MimeTypes = new("mime_types", "MimeTypes", MediaPatterns) { Default = new[] { "text/html", "text/plain" }, Doc = "The media types compressed; <c>type/*</c> and <c>type/*+suffix</c> allowed" };
            public static readonly ToolArgument<bool> Brotli = new("brotli", "Brotli") { Default = true, Doc = "Whether <c>br</c> is offered besides gzip (<c>brotli</c>; Cherry's own key, on by default). Off, the tool answers as CherryPy's, which knows gzip alone: a client asking for br only gets identity, and the 406 for a refused identity lists <c>identity, gzip</c>" };
            public static readonly ToolDeclaration Tool = new(Name, "GzipAttribute", "GzipTool", CompressLevel, MimeTypes, Brotli)
            {
                Summary = "Turns on <see cref=\"GzipTool\"/>: <c>[Gzip]</c>, or <c>[Gzip(MimeTypes = new[] { \"application/*+json\" })]</c>.",
                Point = "BeforeFinalize",
                Priority = 80,
            };
        }

        public static class Etags
        {
            public const string Name = "etags";
            public static readonly ToolArgument<bool> AutoTags = new("autotags", "AutoTags") { Doc = "Give 200 responses without an ETag one from an MD5 of the body" };
            public static readonly ToolDeclaration Tool = new(Name, "EtagsAttribute", "EtagsTool", AutoTags)
            {
                Summary = "Turns on <see cref=\"EtagsTool\"/> (CherryPy's <c>validate_etags</c>): <c>[Etags(AutoTags = true)]</c>.",
                Point = "BeforeFinalize",
                Priority = 75,
            };
        }

        public static class Expires
        {
            public const string Name = "expires";
            public static readonly ToolArgument<int> Secs = new("secs", "Secs", ExpiresSeconds) { Doc = "Seconds until the response expires; 0 forbids caching" };
            public static readonly ToolArgument<bool> Force = new("force", "Force") { Doc = "Act even when the response carries no ETag, Last-Modified, Age or Expires" };
            public static readonly ToolDeclaration Tool = new(Name, "ExpiresAttribute", "ExpiresTool", Secs, Force)
            {
                Summary = "Turns on <see cref=\"ExpiresTool\"/>: <c>[Expires(Secs = 60, Force = true)]</c>.",
                Point = "BeforeFinalize",
            };
        }

        public static class Caching
        {
            public const string Name = "caching";
            public static readonly ToolArgument<int> Delay = new("delay", "Delay", CachingDelay) { Default = 600, Doc = "Seconds a stored response stays fresh" };
            public static readonly ToolArgument<int> AntiStampedeTimeout = new("antistampede_timeout", "AntiStampedeTimeout", ToolRules.AntiStampedeTimeout) { Default = 5, Doc = "Seconds a concurrent miss waits for the first one before computing itself" };
            public static readonly ToolArgument<string[]> InvalidMethods = new("invalid_methods", "InvalidMethods", rule: AllowedMethods) { Default = new[] { "POST", "PUT", "DELETE" }, Doc = "Methods whose request removes the URL's stored responses" };
            public static readonly ToolDeclaration Tool = new(Name, "CachingAttribute", "CachingTool", Delay, AntiStampedeTimeout, InvalidMethods)
            {
                Summary = "Turns on <see cref=\"CachingTool\"/>: <c>[Caching(Delay = 3600)]</c>.",
            };
        }

        public static class JsonIn
        {
            public const string Name = "json_in";
            public static readonly ToolArgument<bool> Force = new("force", "Force") { Default = true, Doc = "Refuse bodies of other content types with 415; when false they are processed as usual" };
            public static readonly ToolArgument<string[]> ContentTypes = new("content_type", "ContentTypes", MediaTypeList) { Default = new[] { "application/json", "text/javascript" }, Doc = "The media types parsed as JSON" };
            public static readonly ToolDeclaration Tool = new(Name, "JsonInAttribute", "JsonInTool", Force, ContentTypes)
            {
                Summary = "Turns on <see cref=\"JsonInTool\"/>; a parameter marked <see cref=\"JsonBodyAttribute\"/> receives the typed body.",
                Point = "BeforeRequestBody",
                Priority = 30,
            };
        }

        public static class ResponseHeaders
        {
            public const string Name = "response_headers";
            public static readonly ToolArgument<string[]> Headers = new("headers", "Headers", rule: HeaderPairs, position: 0) { Accumulates = true, Doc = "Header names and values in turn: <c>[\"X-A\", \"1\", \"X-B\", \"2\"]</c>" };
            public static readonly ToolDeclaration Tool = new(Name, "ResponseHeadersAttribute", "ResponseHeadersTool", Headers)
            {
                Summary = "Turns on <see cref=\"ResponseHeadersTool\"/> with names and values in pairs: <c>[ResponseHeaders(\"X-Custom\", \"yes\", \"Content-Type\", \"text/plain\")]</c>.",
                Point = "OnStartResource",
                Failsafe = true,
            };
        }

        public static class Accept
        {
            public const string Name = "accept";
            public static readonly ToolArgument<string[]> Media = new("media", "Media", rule: MediaRanges, position: 0) { Doc = "The media types the resource emits; none turns the check off" };
            public static readonly ToolDeclaration Tool = new(Name, "AcceptAttribute", "AcceptTool", Media)
            {
                Summary = "Turns on <see cref=\"AcceptTool\"/>: <c>[Accept(\"text/html\", \"text/plain\")]</c>.",
                Point = "OnStartResource",
            };
        }

        public static class Allow
        {
            public const string Name = "allow";
            public static readonly ToolArgument<string[]> Methods = new("methods", "Methods", rule: AllowedMethods, position: 0) { Default = new[] { "GET", "HEAD" }, Doc = "The methods answered; HEAD is implied by GET" };
            public static readonly ToolDeclaration Tool = new(Name, "AllowAttribute", "AllowTool", Methods)
            {
                Summary = "Turns on <see cref=\"AllowTool\"/>: <c>[Allow(\"GET\", \"POST\")]</c>.",
                Point = "OnStartResource",
            };
        }

        public static class Autovary
        {
            public const string Name = "autovary";
            public static readonly ToolArgument<string[]> Ignore = new("ignore", "Ignore", rule: HeaderNames) { Default = new[] { "Content-Disposition", "Content-Length", "Content-Type" }, Doc = "Request headers never listed in Vary" };
            public static readonly ToolDeclaration Tool = new(Name, "AutovaryAttribute", "AutovaryTool", Ignore)
            {
                Summary = "Turns on <see cref=\"AutovaryTool\"/>: <c>[Autovary]</c>.",
            };
        }

        public static class Flatten
        {
            public const string Name = "flatten";
            public static readonly ToolDeclaration Tool = new(Name, "FlattenAttribute", "FlattenTool")
            {
                Summary = "Turns on <see cref=\"FlattenTool\"/>: <c>[Flatten]</c>.",
                Point = "BeforeHandler",
            };
        }

        public static class IgnoreHeaders
        {
            public const string Name = "ignore_headers";
            public static readonly ToolArgument<string[]> Headers = new("headers", "Headers", rule: HeaderNames, position: 0) { Default = new[] { "Range" }, Doc = "The request headers removed" };
            public static readonly ToolDeclaration Tool = new(Name, "IgnoreHeadersAttribute", "IgnoreHeadersTool", Headers)
            {
                Summary = "Turns on <see cref=\"IgnoreHeadersTool\"/>: <c>[IgnoreHeaders(\"Range\")]</c>.",
                Point = "BeforeRequestBody",
            };
        }

        public static class Params
        {
            public const string Name = "params";
            public static readonly ToolArgument<int> Error = new("error", "Error", ErrorStatus) { Default = 400, Doc = "The status of a request value a typed parameter cannot take: 400 to 599" };
            public static readonly ToolArgument<string[]> Exception = new("exception", "Exception", ExceptionTypeNames)
            {
                Doc = "The exceptions (full type names; a derived one counts too) that a parameter type's own conversion throws for a "
                    + "value it cannot take, answered with <c>error</c> as CherryPy's <c>exception</c> is; any other exception a conversion "
                    + "throws stays the server's 500. A conversion that simply fails is always the client's",
            };
            public static readonly ToolDeclaration Tool = new(Name, "ParamsAttribute", "ParamsTool", Error, Exception)
            {
                Summary = "Turns on <see cref=\"ParamsTool\"/>: <c>[Params(Error = 422)]</c>.",
            };
        }

        public static class Proxy
        {
            public const string Name = "proxy";
            public const string DefaultLocal = "X-Forwarded-Host";
            public const string DefaultRemote = "X-Forwarded-For";
            public const string DefaultScheme = "X-Forwarded-Proto";
            public static readonly string[] DefaultTrustedProxies = { "127.0.0.0/8", "::1" };
            public static readonly ToolArgument<string?> Base = new("base", "Base") { AllowsNone = true, Doc = "The host (optionally with scheme) to assume when no forwarding header names one" };
            public static readonly ToolArgument<string> Local = new("local", "Local") { Default = DefaultLocal, Doc = "The header naming the host the client used; empty ignores it" };
            public static readonly ToolArgument<string> Remote = new("remote", "Remote") { Default = DefaultRemote, Doc = "The header naming the client's address; empty ignores it" };
            public static readonly ToolArgument<string> Scheme = new("scheme", "Scheme") { Default = DefaultScheme, Doc = "The header naming the scheme the client used; empty ignores it" };
            public static readonly ToolArgument<string[]> TrustedProxies = new("trusted_proxies", "TrustedProxies", ProxyNetworks) { Default = DefaultTrustedProxies, Doc = "The proxies whose forwarding headers count, as addresses or networks (<c>10.0.0.5</c>, <c>10.0.0.0/8</c>); loopback by default (<c>trusted_proxies</c>). A request whose peer is not one of them is taken as it came, its forwarding headers ignored; the client address is the nearest <see cref=\"Remote\"/> entry that is not one of them" };
            public static readonly ToolDeclaration Tool = new(Name, "ProxyAttribute", "ProxyTool", Base, Local, Remote, Scheme, TrustedProxies)
            {
                Summary = "Turns on <see cref=\"ProxyTool\"/>: <c>[Proxy(Base = \"www.example.com\")]</c>.",
                Point = "OnStartResource",
                Priority = 30,
            };
        }

        public static class Redirect
        {
            public const string Name = "redirect";
            public static readonly ToolArgument<string> Url = new("url", "Url", rule: Required, position: 0) { Default = "", Doc = "Where requests go; required" };
            public static readonly ToolArgument<bool> Internal = new("internal", "Internal") { Default = true, Doc = "Re-run the request as a GET on the new path; false answers 303" };
            public static readonly ToolDeclaration Tool = new(Name, "RedirectAttribute", "RedirectTool", Url, Internal)
            {
                Summary = "Turns on <see cref=\"RedirectTool\"/>: <c>[Redirect(\"/new/place\", Internal = false)]</c>.",
                Point = "OnStartResource",
            };
        }

        public static class ErrRedirect
        {
            public const string Name = "err_redirect";
            public static readonly ToolArgument<string> Url = new("url", "Url", rule: Required, position: 0) { Default = "", Doc = "Where requests go; required" };
            public static readonly ToolArgument<bool> Internal = new("internal", "Internal") { Default = true, Doc = "Re-run the request as a GET on the new path; false answers 303" };
            public static readonly ToolDeclaration Tool = new(Name, "ErrRedirectAttribute", "ErrRedirectTool", Url, Internal)
            {
                Summary = "Turns on <see cref=\"ErrRedirectTool\"/>: <c>[ErrRedirect(\"/oops\", Internal = false)]</c>.",
                Point = "OnStartResource",
            };
        }

        public static class Referer
        {
            public const string Name = "referer";
            public const int DefaultError = 403;
            public const string DefaultMessage = "Forbidden Referer header.";
            public static readonly ToolArgument<string> Pattern = new("pattern", "Pattern", rule: RefererPattern, position: 0) { Default = "", Doc = "The regular expression the Referer header is matched against, anchored at the start like Python's <c>re.match</c> (<c>pattern</c>). Empty matches no Referer" };
            public static readonly ToolArgument<bool> Accept = new("accept", "Accept") { Default = true, Doc = "A match passes; when false, a match is refused" };
            public static readonly ToolArgument<bool> AcceptMissing = new("accept_missing", "AcceptMissing") { Doc = "A request without a Referer passes" };
            public static readonly ToolArgument<int> Error = new("error", "Error", ErrorStatus) { Default = DefaultError, Doc = "The status a refused request gets, 400 to 599" };
            public static readonly ToolArgument<string> Message = new("message", "Message") { Default = DefaultMessage, Doc = "The message a refused request gets" };
            public static readonly ToolDeclaration Tool = new(Name, "RefererAttribute", "RefererTool", Pattern, Accept, AcceptMissing, Error, Message)
            {
                Summary = "Turns on <see cref=\"RefererTool\"/>: <c>[Referer(@\"http://[^/]*example\\.com\")]</c>.",
                Point = "BeforeRequestBody",
            };
        }

        public static class StaticDir
        {
            public const string Name = "staticdir";
            public static readonly ToolArgument<string> Dir = new("dir", "Dir", rule: StaticDirectory, position: 0) { Default = "", Doc = "The directory; relative to <see cref=\"Root\"/> (else the content root) unless absolute, <c>~</c> is the home directory; required" };
            public static readonly ToolArgument<string?> Root = new("root", "Root") { AllowsNone = true, Doc = "The directory a relative <see cref=\"Dir\"/> is under" };
            public static readonly ToolArgument<string?> PathPattern = new("match", "PathPattern") { AllowsNone = true, Doc = "A regular expression the path must match, searched as Python's <c>re.search</c>" };
            public static readonly ToolArgument<string?> Index = new("index", "Index") { AllowsNone = true, Doc = "The file served for a directory URL, e.g. <c>index.html</c>" };
            public static readonly ToolArgument<string[]?> ContentTypes = new("content_types", "ContentTypes", ContentTypePairs) { TypeName = "string[]?", Doc = "Extension and Content-Type pairs that override the usual types: <c>[\"txt\", \"text/x-digits\"]</c>" };
            public static readonly ToolDeclaration Tool = new(Name, "StaticDirAttribute", "StaticDirTool", Dir, Root, PathPattern, Index, ContentTypes)
            {
                Summary = "Turns on <see cref=\"StaticDirTool\"/>: <c>[StaticDir(\"/srv/www\", Index = \"index.html\")]</c>.",
                Point = "BeforeHandler",
                CrossRule = value => value("dir") is string dir ? StaticPathBesideRoot(dir, value("root") as string) : null,
            };
        }

        public static class StaticFile
        {
            public const string Name = "staticfile";
            public static readonly ToolArgument<string> Filename = new("filename", "Filename", rule: StaticFilename, position: 0) { Default = "", Doc = "The file; relative to <see cref=\"Root\"/> (else the content root) unless absolute; required" };
            public static readonly ToolArgument<string?> Root = new("root", "Root") { AllowsNone = true, Doc = "The directory a relative <see cref=\"Filename\"/> is under" };
            public static readonly ToolArgument<string?> PathPattern = new("match", "PathPattern") { AllowsNone = true, Doc = "A regular expression the path must match, searched as Python's <c>re.search</c>" };
            public static readonly ToolArgument<string[]?> ContentTypes = new("content_types", "ContentTypes", rule: ContentTypePairs) { TypeName = "string[]?", Doc = "Extension and Content-Type pairs that override the usual types" };
            public static readonly ToolDeclaration Tool = new(Name, "StaticFileAttribute", "StaticFileTool", Filename, Root, PathPattern, ContentTypes)
            {
                OptionsRecord = "StaticFileToolOptions",
                Summary = "Turns on <see cref=\"StaticFileTool\"/>: <c>[StaticFile(\"/srv/www/style.css\")]</c>.",
                Point = "BeforeHandler",
                CrossRule = value => value("filename") is string file ? StaticPathBesideRoot(file, value("root") as string) : null,
            };
        }

        public static class AuthBasic
        {
            public const string Name = "auth_basic";
            public static readonly ToolArgument<string> Realm = new("realm", "Realm", ToolRules.Realm) { Required = true, DiagnosticId = "CHERRY0009", Default = "", Doc = "The realm, required and without a double quote; the <see cref=\"CheckPassword\"/> registered in DI under it checks the credentials" };
            public static readonly ToolArgument<string> AcceptCharset = new("accept_charset", "AcceptCharset") { Default = "utf-8", Doc = "The charset credentials are decoded with before ISO-8859-1; advertised unless it is ISO-8859-1" };
            public static readonly ToolArgument<string?> CheckPassword = new("checkpassword", "CheckPassword") { AllowsNone = true, Doc = "The key of the <see cref=\"Cherry.CheckPassword\"/> that checks this path's credentials, when it is not the realm's: one realm with a password source per path, as CherryPy's per-path <c>checkpassword</c>" };
            public static readonly ToolDeclaration Tool = new(Name, "AuthBasicAttribute", "AuthBasicTool", Realm, AcceptCharset, CheckPassword)
            {
                Summary = "Turns on <see cref=\"AuthBasicTool\"/>: <c>[AuthBasic(Realm = \"earth\")]</c>.",
                Point = "BeforeHandler",
                Priority = 1,
                Service = new KeyedService("CheckPassword", new ToolArgument[] { CheckPassword, Realm }),
            };
        }

        public static class AuthDigest
        {
            public const string Name = "auth_digest";
            public static readonly ToolArgument<string> Realm = new("realm", "Realm", ToolRules.Realm) { Required = true, DiagnosticId = "CHERRY0009", Default = "", Doc = "The realm, required and without a double quote; the <see cref=\"GetHa1\"/> registered in DI under it gives the users' HA1" };
            public static readonly ToolArgument<string> Key = new("key", "Key", DigestKey) { Required = true, DiagnosticId = "CHERRY0010", Default = "", Doc = "The secret nonces are signed with; required" };
            public static readonly ToolArgument<string> AcceptCharset = new("accept_charset", "AcceptCharset") { Default = "utf-8", Doc = "The charset advertised in the challenge unless it is ISO-8859-1" };
            public static readonly ToolArgument<bool> AllowLegacyNoQop = new("allow_legacy_no_qop", "AllowLegacyNoQop") { Doc = "Accepts RFC 2069's answer without qop (<c>allow_legacy_no_qop</c>). It has no nonce-count, so each nonce then serves one request: a replay is answered <c>stale=\"true\"</c>. Off by default (CherryPy accepts it)" };
            public static readonly ToolArgument<string[]> Algorithms = new("algorithms", "Algorithms", ToolRules.DigestAlgorithms) { Default = new[] { "MD5", "SHA-256" }, Doc = "The algorithms challenged with, one <c>WWW-Authenticate</c> each, in order (<c>algorithms</c>): MD5 and SHA-256 by default (RFC 7616; MD5 first, which every client reads). <c>[\"MD5\"]</c> challenges as CherryPy does; an answer in an algorithm not listed is challenged again" };
            public static readonly ToolArgument<bool> BasicFallback = new("basic_fallback", "BasicFallback") { Doc = "Offers Basic as the fallback on the same path (<c>basic_fallback</c>), as the old <c>httpauth.doAuth</c> did: the challenge lists the Digest challenges, then <c>Basic realm=\"...\"</c>, and a Basic answer is let in when <c>MD5(user:realm:password)</c> of the password sent equals the user's MD5 HA1, so the same <see cref=\"GetHa1\"/> serves both. Basic sends the password itself: over HTTPS only. Off by default" };
            public static readonly ToolArgument<string?> GetHa1 = new("get_ha1", "GetHa1") { AllowsNone = true, Doc = "The key of the <see cref=\"Cherry.GetHa1\"/> that answers for this path's users, when it is not the realm's: one realm with a password source per path, as CherryPy's per-path <c>get_ha1</c>" };
            public static readonly ToolDeclaration Tool = new(Name, "AuthDigestAttribute", "AuthDigestTool", Realm, Key, AcceptCharset, AllowLegacyNoQop, Algorithms, BasicFallback, GetHa1)
            {
                Summary = "Turns on <see cref=\"AuthDigestTool\"/>: <c>[AuthDigest(Realm = \"wonderland\", Key = \"...\")]</c>.",
                Service = new KeyedService("GetHa1", new ToolArgument[] { GetHa1, Realm }),
            };
        }

        public static class Sessions
        {
            public const string Name = "sessions";

            /// <summary>CherryPy's cookie name; the OpenAPI document names its session scheme plainly <c>session</c> for it.</summary>
            public const string DefaultCookieName = "session_id";
            public static readonly ToolArgument<string> CookieName = new("name", "CookieName") { Default = DefaultCookieName, Doc = "The cookie's name" };
            public static readonly ToolArgument<double> Timeout = new("timeout", "Timeout", SessionTimeout) { Default = 60, Doc = "Minutes a session lives after its last save; positive, fractions allowed" };
            public static readonly ToolArgument<bool> HttpOnly = new("httponly", "HttpOnly") { Default = true, Doc = "Keeps the id from page scripts; on by default, CherryPy's default is off" };
            public static readonly ToolArgument<string> Secure = new("secure", "Secure") { TypeName = "global::Microsoft.AspNetCore.Http.CookieSecurePolicy", DefaultCode = "global::Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest", BindWith = "BindSecure", Doc = "When the cookie is <c>Secure</c>: by default when the request is HTTPS (behind a proxy, once <c>UseForwardedHeaders</c> has set the scheme); CherryPy's default is never" };
            public static readonly ToolArgument<string> SameSite = new("samesite", "SameSite") { TypeName = "global::Microsoft.AspNetCore.Http.SameSiteMode", DefaultCode = "global::Microsoft.AspNetCore.Http.SameSiteMode.Lax", BindWith = "BindSameSite", Doc = "The cookie's SameSite" };
            public static readonly ToolArgument<bool> Persistent = new("persistent", "Persistent") { Default = true, Doc = "The cookie outlives the browser session, for <see cref=\"Timeout\"/>" };
            public static readonly ToolArgument<string> Locking = new("locking", "Locking") { TypeName = "global::Cherry.SessionLocking", DefaultCode = "global::Cherry.SessionLocking.Implicit", BindWith = "BindLocking", Doc = "When a session is locked" };
            public static readonly ToolArgument<int> LockTimeout = new("lock_timeout", "LockTimeout") { Default = 30, Doc = "Seconds to wait for a session's lock before a 503" };
            public static readonly ToolArgument<string?> Domain = new("domain", "Domain") { AllowsNone = true, Doc = "The cookie's Domain" };
            public static readonly ToolArgument<string?> Path = new("path", "Path") { AllowsNone = true, Doc = "The cookie's Path; by default <see cref=\"PathHeader\"/>'s value, else <c>/</c>" };
            public static readonly ToolArgument<string?> PathHeader = new("path_header", "PathHeader") { AllowsNone = true, Doc = "A request header that gives the cookie's Path" };
            public static readonly ToolArgument<string> StorageClass = new("storage_class", "StorageClass") { Default = "ram", BindWith = "BindStorageClass", Doc = "<c>ram</c> (the <see cref=\"ISessionStore\"/> registered in DI, in memory unless replaced) or <c>file</c>" };
            public static readonly ToolArgument<string?> StoragePath = new("storage_path", "StoragePath") { AllowsNone = true, Doc = "The folder of file sessions, under the content root unless absolute" };
            public static readonly ToolArgument<double> CleanFrequency = new("clean_freq", "CleanFrequency", rule: NotNegative) { Default = 5, Doc = "Minutes between sweeps of expired sessions, fractions allowed; 0 turns the sweep off" };
            public static readonly ToolDeclaration Tool = new(Name, "SessionsAttribute", "SessionsTool",
                CookieName, Timeout, HttpOnly, Secure, SameSite, Persistent, Locking, LockTimeout, Domain, Path, PathHeader, StorageClass, StoragePath, CleanFrequency)
            {
                Summary = "Turns on <see cref=\"SessionsTool\"/>: <c>[Sessions(CookieName = \"sid\", Timeout = 10)]</c>.",
            };
        }

        public static class SessionAuth
        {
            public const string Name = "session_auth";
            public static readonly ToolArgument<string> Authenticator = new("authenticator", "Authenticator") { Default = DefaultAuthenticator, Doc = "The key of the <see cref=\"SessionAuthenticator\"/> registered in DI" };
            public static readonly ToolArgument<string> SessionKey = new("session_key", "SessionKey") { Default = "username", Doc = "The session entry that holds the logged-in user's name" };
            public static readonly ToolDeclaration Tool = new(Name, null, "SessionAuthTool", Authenticator, SessionKey)
            {
                Summary = "session_auth: configuration turns it on (<c>tools.session_auth.on = True</c>).",
                Point = "BeforeHandler",
                Priority = 52,
                Needs = Sessions.Name,
                Service = new KeyedService("SessionAuthenticator", new ToolArgument[] { Authenticator }, DefaultAuthenticator),
            };

            /// <summary>The authenticator's key when <c>authenticator</c> is not set.</summary>
            public const string DefaultAuthenticator = "default";
        }

        public static class CpStats
        {
            public const string Name = "cpstats";
            public static readonly ToolArgument<double> SlowQueries = new("slow_queries", "SlowQueries") { Default = 5, Doc = "Seconds after which a request is listed under Slow Queries" };
            public static readonly ToolArgument<int> SlowQueriesCount = new("slow_queries_count", "SlowQueriesCount") { Default = 100, Doc = "How many slow queries are kept" };
            public static readonly ToolArgument<string?> UriSet = new("uriset", "UriSet") { AllowsNone = true, BindWith = "BindUriSet", Doc = "A label under which count, min, max, avg and sum of the requests this section serves are tracked (<c>uriset</c>, or <c>debug_uri_set</c>, which wins), as in CherryPy: the configuration names the set, so the records are as many as the labels configured, never one per URI a client makes up" };
            public static readonly ToolArgument<string?> DebugUriSet = new("debug_uri_set") { AllowsNone = true };
            public static readonly ToolDeclaration Tool = new(Name, "CpStatsAttribute", "CpStatsTool", SlowQueries, SlowQueriesCount, UriSet, DebugUriSet)
            {
                Summary = "Turns on <see cref=\"CpStatsTool\"/>: <c>[CpStats]</c>.",
            };
        }

        public static class Profiler
        {
            public const string Name = "profiler";
            public static readonly ToolArgument<string> Directory = new("dir", "Directory") { DefaultCode = "global::System.IO.Path.Combine(global::System.IO.Path.GetTempPath(), \"cherry-profiles\")", Doc = "The directory each request's profile is written to; <c>cherry-profiles</c> in the temp directory by default" };
            public static readonly ToolDeclaration Tool = new(Name, "ProfilerAttribute", "ProfilerTool", Directory)
            {
                Summary = "Turns on <see cref=\"ProfilerTool\"/>: <c>[Profiler(Directory = \"/var/tmp/profiles\")]</c>.",
            };
        }

        /// <summary>The logging tools' names; they take no arguments.</summary>
        public static class Logging
        {
            public const string Headers = "log_headers";
            public const string Tracebacks = "log_tracebacks";
            public const string Hooks = "log_hooks";
            public const string Access = "log_access";
        }

        public static readonly ToolDeclaration[] All =
        {
            TrailingSlash.Tool, Encode.Tool, Decode.Tool, Gzip.Tool, Etags.Tool, Expires.Tool, Caching.Tool, JsonIn.Tool,
            ResponseHeaders.Tool, Accept.Tool, Allow.Tool, Autovary.Tool, Flatten.Tool, IgnoreHeaders.Tool, Params.Tool, Proxy.Tool,
            Redirect.Tool, ErrRedirect.Tool, Referer.Tool, StaticDir.Tool, StaticFile.Tool, AuthBasic.Tool, AuthDigest.Tool,
            Sessions.Tool, SessionAuth.Tool, CpStats.Tool, Profiler.Tool,
            new(Logging.Headers, null, "LogHeadersTool") { Point = "BeforeErrorResponse" },
            new(Logging.Tracebacks, null, "LogTracebacksTool") { Point = "BeforeErrorResponse", OnByDefault = true },
            new(Logging.Hooks, null, "LogHooksTool") { Point = "OnEndRequest", Priority = 100 },
            new(Logging.Access, null, "LogAccessTool"),
        };

        /// <summary>The built-in tool called <paramref name="name"/> in configuration, or null.</summary>
        public static ToolDeclaration? Find(string name) => Array.Find(All, t => t.Name == name);
    }
}
