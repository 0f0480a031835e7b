using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Cherry;

/// <summary>
/// CherryPy's <c>caching</c>: an HTTP/1.1 response cache. A lookup at before_handler 90 serves a fresh stored
/// response without running the handler or the rest of the chain (with <c>Age</c>, and a 304 when the client's
/// validators match); a miss is stored at before_finalize 100. Variants follow the stored response's
/// <c>Vary</c>; POST, PUT and DELETE invalidate the URL; <c>no-cache</c> and <c>Pragma: no-cache</c> bypass the
/// lookup; <c>max-age=N</c> bounds the age served. Concurrent misses for one key compute once (anti-stampede).
/// Unlike CherryPy, the method is part of the key, <c>max-age=0</c> is never served from the cache, streamed
/// bodies and responses that set cookies are not stored, and only 2xx responses are. Beyond CherryPy, a handler
/// drops what is stored for a path or a prefix through <see cref="CacheInvalidator"/>.
/// <para>
/// The cache is shared by every client, so it follows RFC 9111 §3 and §3.5 for shared caches: a response marked
/// <c>Cache-Control: private</c> or <c>no-store</c> is never stored, and a response to a request that carried
/// <c>Authorization</c> is stored only when the response is marked <c>public</c>, <c>s-maxage</c> or
/// <c>must-revalidate</c>; otherwise one user's page would be served to the next.
/// </para>
/// </summary>
public sealed partial class CachingTool : Tool
{
    private ICacheStore? _store;
    private CacheFlights? _flights;

    /// <summary>Coalesces concurrent lookups of a shared store; null for the in-process store.</summary>
    private CacheReads? _reads;
    private CacheInvalidator? _invalidator;

    private TimeSpan Delay => TimeSpan.FromSeconds(Options.Delay);

    public override void Attach(ToolChainBuilder chain)
    {
        var slot = chain.ReserveSlot();
        chain.Add(Name, HookPoint.BeforeHandler, 90, false, request => LookUpAsync(request, slot));
        chain.Add(Name, HookPoint.BeforeFinalize, 100, false, request => StoreAsync(request, slot));
        chain.Add(Name, HookPoint.OnEndRequest, 50, true, request =>
        {
            if (request.GetToolState(slot) is CacheState { FlightKey: { } key } && _flights!.TryRemove(key, out var done))
            {
                done.TrySetResult();
            }
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// Takes DI's store (memory unless a shared one is registered), the host's tables of computations and reads in
    /// flight, and the invalidator, whose generation records must outlive this tool's entries.
    /// </summary>
    public override void Resolve(IServiceProvider services, ToolArguments arguments)
    {
        _store = services.GetRequiredService<ICacheStore>();
        _flights = services.GetRequiredService<CacheFlights>();
        _reads = _store is MemoryCacheStore ? null : services.GetRequiredService<CacheReads>();
        _invalidator = services.GetRequiredService<CacheInvalidator>();
        _invalidator.Cover(Delay);
    }

    private async ValueTask LookUpAsync(Request request, ToolStateSlot slot)
    {
        var store = _store!;
        // The host stays in the key: pages that print absolute URLs differ by host, and without it one forged Host
        // header would poison the page for everyone. What arbitrary hosts cost is bounded by the store (limits, expiry).
        var uri = string.Concat(request.Base, request.HttpContext.Request.PathBase.Value, request.ScriptName, request.PathInfo, "?", request.QueryString);
        if (Options.InvalidMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                await store.RemoveAsync(IndexKey("GET", uri), request.Aborted);
                await store.RemoveAsync(IndexKey("HEAD", uri), request.Aborted);
            }
            catch (Exception ex) when (Unavailable(request, null, ex))
            {
            }
            return;
        }
        var directives = RequestDirectives.Parse(request);
        var indexKey = IndexKey(request.Method, uri);
        var state = new CacheState(CacheInvalidator.GenerationKeys(GenerationPath(request), indexKey), !directives.NoStore);
        request.SetToolState(slot, state);
        // A request that must not be served from the cache still reads the generation its response would be stored under.
        var serve = !(directives.NoCache || directives.MaxAge == 0);
        CachedResponse? cached;
        try
        {
            cached = await FindAsync(request, store, state, serve);
            if (!serve)
            {
                return;
            }
            if (cached is null)
            {
                // Before the first response exists there is no variant yet: concurrent misses meet on the URL's key.
                var flightKey = state.VariantKey.Length > 0 ? state.VariantKey : indexKey;
                if (!await WaitForConcurrentMissAsync(request, state, flightKey) || (cached = await FindAsync(request, store, state, serve: true)) is null)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (Unavailable(request, state, ex))
        {
            return;
        }
        var age = request.App.Time.GetUtcNow() - cached.Created;
        if (directives.MaxAge is { } maxAge && age.TotalSeconds > maxAge)
        {
            return;
        }
        Serve(request, cached, age);
    }

    /// <summary>
    /// One read of the path's generation records, the URL's index and the response a URL without Vary has; a URL whose
    /// index names Vary headers costs a second read, of the request's variant.
    /// </summary>
    private async ValueTask<CachedResponse?> FindAsync(Request request, ICacheStore store, CacheState state, bool serve)
    {
        var indexKey = state.Keys[^1];
        var responseKey = serve ? indexKey + "\n" : null;
        var read = _reads is null
            ? await store.ReadAsync(state.Keys, responseKey, request.Aborted)
            : await _reads.ReadAsync(store, state.Keys, responseKey, request.Aborted);
        state.Generation = CacheInvalidator.Generation(read.Indexes);
        if (!serve || CacheIndex.Parse(read.Indexes[^1]) is not { } index || index.Generation != state.Generation)
        {
            return null;
        }
        state.VariantKey = VariantKey(indexKey, index, request);
        var response = index.Vary.Length == 0 ? read.Response : await store.GetAsync(state.VariantKey, request.Aborted);
        return response?.Tag == index.Token ? response : null;
    }

    /// <summary>
    /// A store that cannot be reached makes the request uncached (logged), never a failed request: the handler answers
    /// as if there were no cache, and nothing is stored. For an exception filter: true when it handled the exception.
    /// </summary>
    private bool Unavailable(Request request, CacheState? state, Exception ex)
    {
        if (!StoreOutage.IsCause(ex))
        {
            return false;
        }
        if (state is not null)
        {
            state.Cacheable = false;
        }
        request.App.Logger.LogWarning("The cache store {Store} is unavailable; answering uncached: {Error}", _store!.GetType().Name, ex.Message);
        return true;
    }

    /// <summary>
    /// The first miss for a key computes (false); later ones wait for it and then look again (true), or compute
    /// themselves after the timeout (false).
    /// </summary>
    private async ValueTask<bool> WaitForConcurrentMissAsync(Request request, CacheState state, string flightKey)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _flights!.GetOrAdd(flightKey, mine);
        if (current == mine)
        {
            state.FlightKey = flightKey;
            return false;
        }
        try
        {
            await current.Task.WaitAsync(TimeSpan.FromSeconds(Options.AntiStampedeTimeout), request.Aborted);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static void Serve(Request request, CachedResponse cached, TimeSpan age)
    {
        var response = request.Response;
        response.Status = cached.Status;
        foreach (var (name, value) in cached.Headers)
        {
            response.Headers[name] = value;
        }
        response.Headers.Age = ((long)Math.Max(0, age.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Body = cached.Body;
        request.Cached = true;
        if (Conditional.IsNotModified(request))
        {
            Conditional.SetNotModified(response);
        }
        request.Complete();
    }

    private async ValueTask StoreAsync(Request request, ToolStateSlot slot)
    {
        if (request.GetToolState(slot) is not CacheState { Cacheable: true } state || request.Cached || request.IsErrorResponse)
        {
            return;
        }
        var response = request.Response;
        var store = _store!;
        if (!Http.StatusLine.TryParse(response.Status, out var status, out _, out _) || status is < 200 or > 299
            || response.IsStreamed || response.Headers.ContainsKey("Set-Cookie") || !MayShare(request)
            || response.Headers.Pragma.ToString().Contains("no-cache", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        try
        {
            await StoreAsync(request, store, state);
        }
        catch (Exception ex) when (Unavailable(request, state, ex))
        {
        }
    }

    private async ValueTask StoreAsync(Request request, ICacheStore store, CacheState state)
    {
        var indexKey = state.Keys[^1];
        var read = await store.ReadAsync(state.Keys, null, request.Aborted);
        if (CacheInvalidator.Generation(read.Indexes) != state.Generation)
        {
            // Invalidated while the handler ran: this response may predate the change.
            return;
        }
        var response = request.Response;
        var index = CacheIndex.Parse(read.Indexes[^1]) is { } stored && stored.Generation == state.Generation ? stored : null;
        var body = response.Body;
        if (body.IsEmpty)
        {
            if (index is not null)
            {
                await store.RemoveAsync(VariantKey(indexKey, index, request), request.Aborted);
            }
            return;
        }
        var newIndex = index is null;
        index ??= new CacheIndex(Guid.NewGuid().ToString("N"), state.Generation,
            response.Headers.Vary.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var now = request.App.Time.GetUtcNow();
        var headers = response.Headers
            .Where(h => h.Key is not ("Date" or "Age" or "Set-Cookie" or "Content-Length"))
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()))
            .ToArray();
        var cached = new CachedResponse(response.Status ?? "200", headers, body.ToArray(), now, now + Delay) { Tag = index.Token };
        // The index record follows its first response, so a response the store refuses leaves nothing behind.
        if (await store.SetAsync(VariantKey(indexKey, index, request), cached, request.Aborted) && newIndex)
        {
            await store.SetIndexAsync(indexKey, index.ToString(), Delay, request.Aborted);
        }
    }

    /// <summary>
    /// RFC 9111 §3 and §3.5, for a shared cache: <c>no-store</c> and <c>private</c> forbid storing, and a response to
    /// a request that carried <c>Authorization</c> is stored only when the response says it may be shared.
    /// </summary>
    private static bool MayShare(Request request)
    {
        var shareable = !request.Headers.ContainsKey("Authorization");
        foreach (var (name, _) in Directives(request.Response.Headers.CacheControl))
        {
            switch (name)
            {
                case "no-store" or "private":
                    return false;
                case "public" or "s-maxage" or "must-revalidate":
                    shareable = true;
                    break;
            }
        }
        return shareable;
    }

    /// <summary>A Cache-Control header's directives: lower-case names, values unquoted (null when absent).</summary>
    private static IEnumerable<(string Name, string? Value)> Directives(StringValues header)
    {
        foreach (var directive in header.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = directive.IndexOf('=');
            yield return equals < 0
                ? (directive.ToLowerInvariant(), null)
                : (directive[..equals].TrimEnd().ToLowerInvariant(), directive[(equals + 1)..].Trim().Trim('"'));
        }
    }

    /// <summary>The URL path <see cref="CacheInvalidator"/> names: the mount point and the path below it.</summary>
    private static string GenerationPath(Request request)
    {
        var path = request.ScriptName + request.PathInfo;
        return path.Length == 0 ? "/" : path;
    }

    private static string IndexKey(string method, string uri) => method + " " + uri;

    /// <summary>
    /// The key of the variant a request selects: the URL's, then the values of the headers the index varies on. A URL
    /// without Vary has one variant, whose key is known before the index is read (the index key and a newline).
    /// </summary>
    private static string VariantKey(string indexKey, CacheIndex index, Request request)
    {
        if (index.Vary.Length == 0)
        {
            return indexKey + "\n";
        }
        var key = new System.Text.StringBuilder(indexKey);
        foreach (var name in index.Vary)
        {
            key.Append('\n').Append(name).Append('=').Append(request.Headers[name].ToString());
        }
        return key.ToString();
    }

    /// <summary>
    /// A URL's index record: its token (the <see cref="CachedResponse.Tag"/> of the responses stored under it), the
    /// generation it was made in, and the headers its responses vary on. One line each, as header values hold no newline.
    /// </summary>
    private sealed record CacheIndex(string Token, string Generation, string[] Vary)
    {
        public static CacheIndex? Parse(string? record) =>
            record?.Split('\n') is [var token, var generation, var vary]
                ? new(token, generation, vary.Split(',', StringSplitOptions.RemoveEmptyEntries))
                : null;

        public override string ToString() => Token + "\n" + Generation + "\n" + string.Join(',', Vary);
    }

    private sealed class CacheState(string[] keys, bool cacheable)
    {
        /// <summary>The path's generation records, then the URL's index (<see cref="CacheInvalidator.GenerationKeys"/>).</summary>
        public string[] Keys { get; } = keys;

        /// <summary>The invalidation tokens in force at the lookup; storing checks them again.</summary>
        public string Generation { get; set; } = "";

        /// <summary>False when the request forbids storing, or the store failed during this request.</summary>
        public bool Cacheable { get; set; } = cacheable;

        public string VariantKey { get; set; } = "";

        /// <summary>The in-flight key this request owns, released at the end of the request.</summary>
        public string? FlightKey { get; set; }
    }

    /// <summary>The request's cache directives; a malformed max-age is the client's mistake (400).</summary>
    private readonly record struct RequestDirectives(bool NoCache, bool NoStore, long? MaxAge)
    {
        public static RequestDirectives Parse(Request request)
        {
            var noCache = request.Headers.Pragma.ToString().Contains("no-cache", StringComparison.OrdinalIgnoreCase);
            var noStore = false;
            long? maxAge = null;
            foreach (var (name, value) in Directives(request.Headers.CacheControl))
            {
                switch (name)
                {
                    case "no-cache":
                        noCache = true;
                        break;
                    case "no-store":
                        noStore = true;
                        break;
                    case "max-age":
                        maxAge = DeltaSeconds(value);
                        break;
                }
            }
            return new RequestDirectives(noCache, noStore, maxAge);
        }

        /// <summary>
        /// RFC 9111 section 1.2.2's delta-seconds: digits only (else 400, as CherryPy's int() refuses them), and a value
        /// too large for an integer is read as 2147483648, the RFC's "infinity", rather than refused.
        /// </summary>
        private static long DeltaSeconds(string? value)
        {
            const long Infinity = 2147483648;
            if (string.IsNullOrEmpty(value) || value.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                throw new HttpError(400, "Invalid Cache-Control header");
            }
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < Infinity ? seconds : Infinity;
        }
    }
}
