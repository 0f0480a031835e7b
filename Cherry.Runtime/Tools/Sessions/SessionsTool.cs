using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cherry;

/// <summary>When a session is locked: before the handler (implicit), right after init (early), or by the handler (explicit).</summary>
public enum SessionLocking
{
    Implicit,
    Early,
    Explicit,
}

/// <summary>
/// CherryPy's <c>sessions</c>: init at before_request_body 50 (fixation protection), lock and load (early at 60,
/// implicit at before_handler 50), save at before_finalize 50 when the data changed, else renew a loaded session's
/// expiry, and release at on_end_request (failsafe, so a failed request never leaves a lock). The cookie is written at
/// before_finalize, which an HttpError runs too, and at before_error_response for an unanticipated error: every
/// response after init carries it, as CherryPy's do. The cookie is HttpOnly, Secure over HTTPS and SameSite=Lax by
/// default (CherryPy sets none of them by default).
/// Beyond CherryPy: a cookie id that is not one of <see cref="SessionIds"/> is no id, a new session is neither locked
/// nor loaded, and a store outage is logged (ids masked) and answered 503.
/// </summary>
public sealed partial class SessionsTool : Tool
{
    private ISessionStore? _store;

    /// <summary>Binds the arguments; file sessions need their folder.</summary>
    partial void Configured(ToolArguments arguments)
    {
        if (Options.StorageClass == "file" && string.IsNullOrEmpty(Options.StoragePath))
        {
            throw arguments.Malformed(ToolCatalog.Sessions.StoragePath.Key, "file sessions need a folder: set tools.sessions.storage_path.");
        }
    }

    public override void Attach(ToolChainBuilder chain)
    {
        chain.Add(Name, HookPoint.BeforeRequestBody, 50, false, InitAsync);
        if (Options.Locking == SessionLocking.Early)
        {
            chain.Add(Name, HookPoint.BeforeRequestBody, 60, false, r => AcquireAsync(r));
        }
        if (Options.Locking == SessionLocking.Implicit)
        {
            chain.Add(Name, HookPoint.BeforeHandler, 50, false, r => AcquireAsync(r));
        }
        chain.Add(Name, HookPoint.BeforeFinalize, 50, true, SaveAsync);
        chain.Add(Name, HookPoint.BeforeErrorResponse, 50, true, WriteErrorCookie);
        chain.Add(Name, HookPoint.OnEndRequest, 90, true, r => ReleaseAsync(r));
    }

    /// <summary>Takes the store (DI's, or the file store for the folder, shared by every handler) and starts its sweep.</summary>
    public override void Resolve(IServiceProvider services, ToolArguments arguments)
    {
        var stores = services.GetRequiredService<SessionStores>();
        _store = Options.StorageClass == "file" ? stores.File(Path.Combine(arguments.ContentRoot, Options.StoragePath!)) : services.GetRequiredService<ISessionStore>();
        if (Options.CleanFrequency > 0)
        {
            stores.Sweep(_store, TimeSpan.FromMinutes(Options.CleanFrequency));
        }
    }

    private async ValueTask InitAsync(Request request)
    {
        if (request.Previous?.SessionState is { } carried)
        {
            // An internal redirect goes on with the session it has, lock included (CherryPy's _session_init_flag): a
            // second init would wait for the lock the first request still holds.
            request.SessionState = carried;
            return;
        }
        var store = _store!;
        var offered = request.HttpContext.Request.Cookies[Options.CookieName];
        IReadOnlyDictionary<string, string>? stored = null;
        // An id this server could not have made is no id: no store is asked about it (paths, lengths, characters
        // each backend would refuse in its own way).
        if (offered is not null && SessionIds.IsWellFormed(offered))
        {
            try
            {
                stored = await store.LoadAsync(offered, request.Aborted);
            }
            catch (Exception ex) when (StoreOutage.IsCause(ex))
            {
                throw Outage(request, store, ex);
            }
        }
        // An id the server never saved is not adopted: the client gets a new one (fixation protection).
        var session = new Session(stored is not null ? offered! : SessionIds.New(), isNew: stored is null);
        if (Options.Locking == SessionLocking.Explicit)
        {
            // Until its handler locks it, an explicitly locked session is read and saved unlocked, as CherryPy's is; the
            // read that recognised the id is that load, so such a request costs the store one read and one write.
            session.Load(stored);
        }
        request.SessionState = new SessionState(session, store, this);
    }

    /// <summary>
    /// Locks and loads the request's session; the helper form for explicit locking. The data is read again under the
    /// lock, unless the handler already changed it: its changes stay and are saved.
    /// </summary>
    public static async ValueTask AcquireAsync(Request request)
    {
        if (request.SessionState is not { } state || state.Lock is not null)
        {
            return;
        }
        if (state.Session.IsNew)
        {
            // No one else knows a new id before its cookie is sent, after the save: there is nothing to lock or load,
            // and no lock (a file, for the file store) is left behind by a request that never saves.
            state.Lock = Unlocked.Instance;
            state.Session.Load(null);
            return;
        }
        var timeout = TimeSpan.FromSeconds(state.Tool.Options.LockTimeout);
        try
        {
            var locked = await state.Store.LockAndLoadAsync(state.Session.Id, timeout, request.Aborted);
            var held = new HeldLock(locked.Lock);
            state.Lock = held;
            // Released at the latest with the HTTP response, even when no release hook of this tool runs (an internal
            // redirect to a path without sessions).
            request.HttpContext.Response.RegisterForDisposeAsync(held);
            if (!(state.Session.Loaded && state.Session.Dirty))
            {
                state.Session.Load(locked.Data);
            }
        }
        catch (TimeoutException ex) when (ex.GetType() == typeof(TimeoutException))
        {
            // The lock's own timeout (SessionLocks throws the base type): the session is busy, not the store down. A
            // store client's timeout (RedisTimeoutException, ...) is an outage, below. The page names no id: it would
            // land in every log and screenshot of the page.
            throw new HttpError(503, "The session is in use by another request; try again shortly.") { ShowsTraceback = false };
        }
        catch (Exception ex) when (StoreOutage.IsCause(ex))
        {
            throw Outage(request, state.Store, ex);
        }
    }

    /// <summary>Releases the request's session lock; the helper form for explicit locking.</summary>
    public static async ValueTask ReleaseAsync(Request request)
    {
        if (request.SessionState is { Lock: { } held } state)
        {
            state.Lock = null;
            await held.DisposeAsync();
        }
    }

    private async ValueTask SaveAsync(Request request)
    {
        if (request.SessionState is not { } state)
        {
            return;
        }
        if (!request.IsErrorResponse && request.Response.Stream is { } body)
        {
            // A streamed body (a handler's iterable) has not run yet, and it may still change the session, as
            // CherryPy's generators do: the data is saved, and the lock released, once the body is written. The cookie
            // (the id) goes with the headers now.
            WriteCookie(request, state.Session, state.Session.Id);
            request.Response.Stream = SaveAfterAsync(body, request, state);
            return;
        }
        await StoreAsync(request, state);
        WriteCookie(request, state.Session, state.Session.Id);
        await ReleaseAsync(request);
    }

    /// <summary>
    /// An unanticipated error skips before_finalize, so nothing is saved, but the cookie still goes out, as CherryPy's
    /// does (it sets it at init). It names the id the store has: an id the request regenerated was never saved, and a
    /// client sent to it would lose its session.
    /// </summary>
    private ValueTask WriteErrorCookie(Request request)
    {
        if (request.SessionState is { } state)
        {
            WriteCookie(request, state.Session, state.Session.PreviousId ?? state.Session.Id);
        }
        return ValueTask.CompletedTask;
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> SaveAfterAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> body, Request request, SessionState state)
    {
        await foreach (var chunk in body)
        {
            yield return chunk;
        }
        await StoreAsync(request, state);
        await ReleaseAsync(request);
    }

    /// <summary>
    /// Deletes what the request deleted or regenerated away, saves the data when it changed, and renews the expiry of a
    /// stored session the request only read.
    /// </summary>
    private static async ValueTask StoreAsync(Request request, SessionState state)
    {
        var session = state.Session;
        try
        {
            if (session.PreviousId is { } previous)
            {
                await state.Store.DeleteAsync(previous, request.Aborted);
                session.PreviousId = null;
            }
            if (session.Deleted)
            {
                await state.Store.DeleteAsync(session.Id, request.Aborted);
            }
            else if (session.Loaded)
            {
                var expires = request.App.Time.GetUtcNow().AddMinutes(state.Tool.Options.Timeout);
                if (session.Dirty)
                {
                    await state.Store.SaveAsync(session.Id, session.Snapshot(), expires, request.Aborted);
                    session.MarkSaved();
                }
                else if (session.Stored)
                {
                    // Read, not changed: CherryPy saves it anyway, so its expiry slides with use (a session_auth login
                    // lasts while the user is active). One cheap store operation; a new session unchanged stays unsaved.
                    await state.Store.RenewAsync(session.Id, session.Snapshot(), expires, request.Aborted);
                }
            }
        }
        catch (Exception ex) when (StoreOutage.IsCause(ex) && !request.IsErrorResponse)
        {
            throw Outage(request, state.Store, ex);
        }
        catch (Exception ex) when (request.IsErrorResponse && ex is not OperationCanceledException)
        {
            // Already answering an error (perhaps the store's outage itself): keep that answer.
            if (StoreOutage.IsCause(ex))
            {
                LogOutage(request, state.Store, ex);
            }
        }
    }

    /// <summary>A store that cannot be reached, or does not answer in time, is a 503 the client can retry, not a 500.</summary>
    private static HttpError Outage(Request request, ISessionStore store, Exception ex)
    {
        LogOutage(request, store, ex);
        return new StoreOutage("session", ex);
    }

    /// <summary>
    /// Logs a store failure for the operator. The exception goes in as text with session ids masked (store clients
    /// name the key they failed on, and an id in a log is a session anyone who reads the log can take over).
    /// </summary>
    private static void LogOutage(Request request, ISessionStore store, Exception ex) =>
        request.App.Logger.LogError("The session store {Store} is unavailable: {Exception}",
            store.GetType().Name, SessionIds.Mask(ex.ToString()));

    /// <summary>Sets the session cookie, replacing one set earlier in the request (a failed finalize runs its hooks again).</summary>
    private void WriteCookie(Request request, Session session, string id)
    {
        var settings = Options;
        var fromHeader = settings.PathHeader is null ? "" : request.Headers[settings.PathHeader].ToString();
        // The app's "/" is its path base behind a prefix (UsePathBase, X-Forwarded-Prefix): the cookie stays in the app's
        // URL space. A path header is the proxy's own, whole path.
        var pathBase = request.HttpContext.Request.PathBase.Value ?? "";
        var path = settings.Path ?? (fromHeader.Length > 0 ? null : "/");
        var options = new CookieOptions
        {
            Path = path is null ? fromHeader : pathBase.Length == 0 ? path : pathBase + (path == "/" ? "" : path),
            Domain = settings.Domain,
            Secure = settings.Secure == CookieSecurePolicy.Always || settings.Secure == CookieSecurePolicy.SameAsRequest && request.Scheme == "https",
            HttpOnly = settings.HttpOnly,
            SameSite = settings.SameSite,
        };
        if (session.Expired)
        {
            options.Expires = request.App.Time.GetUtcNow().AddYears(-1);
        }
        else if (settings.Persistent)
        {
            options.MaxAge = TimeSpan.FromMinutes(settings.Timeout);
            options.Expires = request.App.Time.GetUtcNow().AddMinutes(settings.Timeout);
        }
        var headers = request.HttpContext.Response.Headers;
        if (headers.SetCookie.Count > 0)
        {
            headers.SetCookie = new(headers.SetCookie.Where(cookie => cookie is null || !cookie.StartsWith(settings.CookieName + "=", StringComparison.Ordinal)).ToArray());
        }
        request.Response.Cookies.Append(settings.CookieName, id, options);
    }
}

/// <summary>The lock of a session no other request can know of.</summary>
internal sealed class Unlocked : IAsyncDisposable
{
    public static readonly Unlocked Instance = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A store's lock, released once however many times it is disposed (a store's release need not be idempotent).</summary>
internal sealed class HeldLock(IAsyncDisposable inner) : IAsyncDisposable
{
    private int _released;

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _released, 1) == 0 ? inner.DisposeAsync() : ValueTask.CompletedTask;
}

/// <summary>The request's session with the store and lock behind it.</summary>
internal sealed class SessionState(Session session, ISessionStore store, SessionsTool tool)
{
    public Session Session { get; } = session;

    public ISessionStore Store { get; } = store;

    public SessionsTool Tool { get; } = tool;

    public IAsyncDisposable? Lock { get; set; }
}
