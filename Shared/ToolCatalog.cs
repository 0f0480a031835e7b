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
            public static readonly ToolArgument<bool> Missing = new("missing", "Missing");
            public static readonly ToolArgument<bool> Extra = new("extra", "Extra");
            public static readonly ToolArgument<int> Status = new("status", "Status", RedirectStatus);
            public static readonly ToolDeclaration Tool = new(Name, "TrailingSlashAttribute", "TrailingSlashTool", Missing, Extra, Status);
        }

        public static class Encode
        {
            public const string Name = "encode";
            public static readonly ToolArgument<string?> Encoding = new("encoding", "Encoding") { AllowsNone = true };
            public static readonly ToolArgument<string> DefaultEncoding = new("default_encoding", "DefaultEncoding");
            public static readonly ToolArgument<bool> TextOnly = new("text_only", "TextOnly");
            public static readonly ToolDeclaration Tool = new(Name, "EncodeAttribute", "EncodeTool", Encoding, DefaultEncoding, TextOnly);
        }

        public static class Decode
        {
            public const string Name = "decode";
            public static readonly ToolArgument<string?> Encoding = new("encoding", "Encoding") { AllowsNone = true };
            public static readonly ToolArgument<string> DefaultEncoding = new("default_encoding", "DefaultEncoding");
            public static readonly ToolDeclaration Tool = new(Name, "DecodeAttribute", "DecodeTool", Encoding, DefaultEncoding);
        }

        public static class Gzip
        {
            public const string Name = "gzip";
            public static readonly ToolArgument<int> CompressLevel = new("compress_level", "CompressLevel", ToolRules.CompressLevel);
            public static readonly ToolArgument<string[]> MimeTypes = new("mime_types", "MimeTypes", MediaPatterns);
            public static readonly ToolArgument<bool> Brotli = new("brotli", "Brotli");
            public static readonly ToolDeclaration Tool = new(Name, "GzipAttribute", "GzipTool", CompressLevel, MimeTypes, Brotli);
        }

        public static class Etags
        {
            public const string Name = "etags";
            public static readonly ToolArgument<bool> AutoTags = new("autotags", "AutoTags");
            public static readonly ToolDeclaration Tool = new(Name, "EtagsAttribute", "EtagsTool", AutoTags);
        }

        public static class Expires
        {
            public const string Name = "expires";
            public static readonly ToolArgument<int> Secs = new("secs", "Secs", ExpiresSeconds);
            public static readonly ToolArgument<bool> Force = new("force", "Force");
            public static readonly ToolDeclaration Tool = new(Name, "ExpiresAttribute", "ExpiresTool", Secs, Force);
        }

        public static class Caching
        {
            public const string Name = "caching";
            public static readonly ToolArgument<int> Delay = new("delay", "Delay", CachingDelay);
            public static readonly ToolArgument<int> AntiStampedeTimeout = new("antistampede_timeout", "AntiStampedeTimeout", ToolRules.AntiStampedeTimeout);
            public static readonly ToolArgument<string[]> InvalidMethods = new("invalid_methods", rule: AllowedMethods);
            public static readonly ToolDeclaration Tool = new(Name, "CachingAttribute", "CachingTool", Delay, AntiStampedeTimeout, InvalidMethods);
        }

        public static class JsonIn
        {
            public const string Name = "json_in";
            public static readonly ToolArgument<bool> Force = new("force", "Force");
            public static readonly ToolArgument<string[]> ContentType = new("content_type", "ContentTypes", MediaTypeList);
            public static readonly ToolDeclaration Tool = new(Name, "JsonInAttribute", "JsonInTool", Force, ContentType);
        }

        public static class ResponseHeaders
        {
            public const string Name = "response_headers";
            public static readonly ToolArgument<string[]> Headers = new("headers", rule: HeaderPairs, position: 0);
            public static readonly ToolDeclaration Tool = new(Name, "ResponseHeadersAttribute", "ResponseHeadersTool", Headers);
        }

        public static class Accept
        {
            public const string Name = "accept";
            public static readonly ToolArgument<string[]> Media = new("media", rule: MediaRanges, position: 0);
            public static readonly ToolDeclaration Tool = new(Name, "AcceptAttribute", "AcceptTool", Media);
        }

        public static class Allow
        {
            public const string Name = "allow";
            public static readonly ToolArgument<string[]> Methods = new("methods", rule: AllowedMethods, position: 0);
            public static readonly ToolDeclaration Tool = new(Name, "AllowAttribute", "AllowTool", Methods);
        }

        public static class Autovary
        {
            public const string Name = "autovary";
            public static readonly ToolArgument<string[]> Ignore = new("ignore", rule: HeaderNames);
            public static readonly ToolDeclaration Tool = new(Name, "AutovaryAttribute", "AutovaryTool", Ignore);
        }

        public static class Flatten
        {
            public const string Name = "flatten";
            public static readonly ToolDeclaration Tool = new(Name, "FlattenAttribute", "FlattenTool");
        }

        public static class IgnoreHeaders
        {
            public const string Name = "ignore_headers";
            public static readonly ToolArgument<string[]> Headers = new("headers", rule: HeaderNames, position: 0);
            public static readonly ToolDeclaration Tool = new(Name, "IgnoreHeadersAttribute", "IgnoreHeadersTool", Headers);
        }

        public static class Params
        {
            public const string Name = "params";
            public static readonly ToolArgument<int> Error = new("error", "Error", ErrorStatus);
            public static readonly ToolDeclaration Tool = new(Name, "ParamsAttribute", "ParamsTool", Error);
        }

        public static class Proxy
        {
            public const string Name = "proxy";
            public static readonly ToolArgument<string?> Base = new("base", "Base") { AllowsNone = true };
            public static readonly ToolArgument<string> Local = new("local", "Local");
            public static readonly ToolArgument<string> Remote = new("remote", "Remote");
            public static readonly ToolArgument<string> Scheme = new("scheme", "Scheme");
            public static readonly ToolArgument<string[]> TrustedProxies = new("trusted_proxies", "TrustedProxies", ProxyNetworks);
            public static readonly ToolDeclaration Tool = new(Name, "ProxyAttribute", "ProxyTool", Base, Local, Remote, Scheme, TrustedProxies);
        }

        public static class Redirect
        {
            public const string Name = "redirect";
            public static readonly ToolArgument<string> Url = new("url", rule: Required, position: 0);
            public static readonly ToolArgument<bool> Internal = new("internal", "Internal");
            public static readonly ToolDeclaration Tool = new(Name, "RedirectAttribute", "RedirectTool", Url, Internal);
        }

        public static class ErrRedirect
        {
            public const string Name = "err_redirect";
            public static readonly ToolArgument<string> Url = new("url", rule: Required, position: 0);
            public static readonly ToolArgument<bool> Internal = new("internal", "Internal");
            public static readonly ToolDeclaration Tool = new(Name, "ErrRedirectAttribute", "ErrRedirectTool", Url, Internal);
        }

        public static class Referer
        {
            public const string Name = "referer";
            public static readonly ToolArgument<string> Pattern = new("pattern", rule: RefererPattern, position: 0);
            public static readonly ToolArgument<bool> Accept = new("accept", "Accept");
            public static readonly ToolArgument<bool> AcceptMissing = new("accept_missing", "AcceptMissing");
            public static readonly ToolArgument<int> Error = new("error", "Error", ErrorStatus);
            public static readonly ToolArgument<string> Message = new("message", "Message");
            public static readonly ToolDeclaration Tool = new(Name, "RefererAttribute", "RefererTool", Pattern, Accept, AcceptMissing, Error, Message);
        }

        public static class StaticDir
        {
            public const string Name = "staticdir";
            public static readonly ToolArgument<string> Dir = new("dir", rule: StaticDirectory, position: 0);
            public static readonly ToolArgument<string?> Root = new("root", "Root") { AllowsNone = true };
            public static readonly ToolArgument<string?> Match = new("match", "PathPattern") { AllowsNone = true };
            public static readonly ToolArgument<string?> Index = new("index", "Index") { AllowsNone = true };
            public static readonly ToolArgument<string[]?> ContentTypes = new("content_types", "ContentTypes", ContentTypePairs);
            public static readonly ToolDeclaration Tool = new(Name, "StaticDirAttribute", "StaticDirTool", Dir, Root, Match, Index, ContentTypes)
            {
                CrossRule = value => value("dir") is string dir ? StaticPathBesideRoot(dir, value("root") as string) : null,
            };
        }

        public static class StaticFile
        {
            public const string Name = "staticfile";
            public static readonly ToolArgument<string> Filename = new("filename", rule: StaticFilename, position: 0);
            public static readonly ToolArgument<string?> Root = new("root", "Root") { AllowsNone = true };
            public static readonly ToolArgument<string?> Match = new("match", "PathPattern") { AllowsNone = true };
            public static readonly ToolArgument<string[]?> ContentTypes = new("content_types", rule: ContentTypePairs);
            public static readonly ToolDeclaration Tool = new(Name, "StaticFileAttribute", "StaticFileTool", Filename, Root, Match, ContentTypes)
            {
                CrossRule = value => value("filename") is string file ? StaticPathBesideRoot(file, value("root") as string) : null,
            };
        }

        public static class AuthBasic
        {
            public const string Name = "auth_basic";
            public static readonly ToolArgument<string> Realm = new("realm", "Realm", ToolRules.Realm) { Required = true, DiagnosticId = "CHERRY0009" };
            public static readonly ToolArgument<string> AcceptCharset = new("accept_charset", "AcceptCharset");
            public static readonly ToolArgument<string?> CheckPassword = new("checkpassword", "CheckPassword") { AllowsNone = true };
            public static readonly ToolDeclaration Tool = new(Name, "AuthBasicAttribute", "AuthBasicTool", Realm, AcceptCharset, CheckPassword)
            {
                Service = new KeyedService("CheckPassword", new ToolArgument[] { CheckPassword, Realm }),
            };
        }

        public static class AuthDigest
        {
            public const string Name = "auth_digest";
            public static readonly ToolArgument<string> Realm = new("realm", "Realm", ToolRules.Realm) { Required = true, DiagnosticId = "CHERRY0009" };
            public static readonly ToolArgument<string> Key = new("key", "Key", DigestKey) { Required = true, DiagnosticId = "CHERRY0010" };
            public static readonly ToolArgument<string> AcceptCharset = new("accept_charset", "AcceptCharset");
            public static readonly ToolArgument<bool> AllowLegacyNoQop = new("allow_legacy_no_qop", "AllowLegacyNoQop");
            public static readonly ToolArgument<string[]> Algorithms = new("algorithms", "Algorithms", ToolRules.DigestAlgorithms);
            public static readonly ToolArgument<bool> BasicFallback = new("basic_fallback", "BasicFallback");
            public static readonly ToolArgument<string?> GetHa1 = new("get_ha1", "GetHa1") { AllowsNone = true };
            public static readonly ToolDeclaration Tool = new(Name, "AuthDigestAttribute", "AuthDigestTool", Realm, Key, AcceptCharset, AllowLegacyNoQop, Algorithms, BasicFallback, GetHa1)
            {
                Service = new KeyedService("GetHa1", new ToolArgument[] { GetHa1, Realm }),
            };
        }

        public static class Sessions
        {
            public const string Name = "sessions";
            public static readonly ToolArgument<string> CookieName = new("name", "Name");
            public static readonly ToolArgument<double> Timeout = new("timeout", "Timeout", SessionTimeout);
            public static readonly ToolArgument<bool> HttpOnly = new("httponly", "HttpOnly");
            public static readonly ToolArgument<string> Secure = new("secure", "Secure");
            public static readonly ToolArgument<string> SameSite = new("samesite");
            public static readonly ToolArgument<bool> Persistent = new("persistent", "Persistent");
            public static readonly ToolArgument<string> Locking = new("locking", "Locking");
            public static readonly ToolArgument<int> LockTimeout = new("lock_timeout");
            public static readonly ToolArgument<string?> Domain = new("domain") { AllowsNone = true };
            public static readonly ToolArgument<string?> Path = new("path") { AllowsNone = true };
            public static readonly ToolArgument<string?> PathHeader = new("path_header") { AllowsNone = true };
            public static readonly ToolArgument<string> StorageClass = new("storage_class");
            public static readonly ToolArgument<string?> StoragePath = new("storage_path") { AllowsNone = true };
            public static readonly ToolArgument<double> CleanFrequency = new("clean_freq", rule: NotNegative);
            public static readonly ToolDeclaration Tool = new(Name, "SessionsAttribute", "SessionsTool",
                CookieName, Timeout, HttpOnly, Secure, SameSite, Persistent, Locking, LockTimeout, Domain, Path, PathHeader, StorageClass, StoragePath, CleanFrequency);
        }

        public static class SessionAuth
        {
            public const string Name = "session_auth";
            public static readonly ToolArgument<string> Authenticator = new("authenticator");
            public static readonly ToolArgument<string> SessionKey = new("session_key");
            public static readonly ToolDeclaration Tool = new(Name, null, "SessionAuthTool", Authenticator, SessionKey)
            {
                Needs = Sessions.Name,
                Service = new KeyedService("SessionAuthenticator", new ToolArgument[] { Authenticator }, DefaultAuthenticator),
            };

            /// <summary>The authenticator's key when <c>authenticator</c> is not set.</summary>
            public const string DefaultAuthenticator = "default";
        }

        public static class CpStats
        {
            public const string Name = "cpstats";
            public static readonly ToolArgument<double> SlowQueries = new("slow_queries", "SlowQueries");
            public static readonly ToolArgument<int> SlowQueriesCount = new("slow_queries_count");
            public static readonly ToolArgument<string?> UriSet = new("uriset", "UriSet") { AllowsNone = true };
            public static readonly ToolArgument<string?> DebugUriSet = new("debug_uri_set") { AllowsNone = true };
            public static readonly ToolDeclaration Tool = new(Name, "CpStatsAttribute", "CpStatsTool", SlowQueries, SlowQueriesCount, UriSet, DebugUriSet);
        }

        public static class Profiler
        {
            public const string Name = "profiler";
            public static readonly ToolArgument<string> Dir = new("dir", "Directory");
            public static readonly ToolDeclaration Tool = new(Name, "ProfilerAttribute", "ProfilerTool", Dir);
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
            new(Logging.Headers, null, "LogHeadersTool"), new(Logging.Tracebacks, null, "LogTracebacksTool"), new(Logging.Hooks, null, "LogHooksTool"),
            new(Logging.Access, null, "LogAccessTool"),
        };

        /// <summary>The built-in tool called <paramref name="name"/> in configuration, or null.</summary>
        public static ToolDeclaration? Find(string name) => Array.Find(All, t => t.Name == name);
    }
}
