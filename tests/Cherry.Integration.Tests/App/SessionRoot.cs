using Conformance;

namespace Cherry.Integration.Tests.App;

/// <summary>The reference app's /sram and /sfile (configured as there), plus a failing handler.</summary>
public sealed class SessionRoot
{
    public ExtendedSessApp Sram { get; } = new();

    public ExtendedSessApp Sfile { get; } = new();

    public AttributeSessions Attributed { get; } = new();

    public ExplicitSessions Explicit { get; } = new();

    /// <summary>A page without sessions, for an internal redirect away from a session.</summary>
    [Exposed]
    public string Bare() => "bare";
}

/// <summary>The reference app's session handlers, plus a handler that fails and one that holds the lock.</summary>
public sealed class ExtendedSessApp : SessApp
{
    /// <summary>The sessions whose lock a <see cref="Hold"/> request has taken, by id: a test waits for this, not for a guessed time.</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> Holding { get; } = new(StringComparer.Ordinal);

    /// <summary>Keeps the session (and its lock) for a while.</summary>
    [Exposed]
    public async Task<string> Hold(Session session)
    {
        session.Set("held", 1);
        Holding.GetOrAdd(session.Id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        await Task.Delay(3000);
        return "held";
    }

    /// <summary>Changes the session while its body is written (a generator, in CherryPy's terms).</summary>
    [Exposed]
    public IEnumerable<string> Gen(Session session)
    {
        yield return "gen=";
        var count = session.GetInt32("gen") + 1;
        session.Set("gen", count);
        yield return count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the session and changes nothing.</summary>
    [Exposed]
    public string Read(Session session) => "counter=" + (session["counter"] ?? "none");

    [Exposed]
    public string Delete(Session session)
    {
        session.Set("counter", 99);
        session.Delete();
        session.Expire();
        return "deleted";
    }

    /// <summary>Goes on at this app's index with the session it holds (locked and loaded).</summary>
    [Exposed]
    public string Again(Session session) => throw new InternalRedirect("index");

    /// <summary>Goes on at a page without sessions while holding the session's lock.</summary>
    [Exposed]
    public string Away(Session session) => throw new InternalRedirect("/bare");

    /// <summary>Changes the session, then answers 403: CherryPy saves on an HTTPError, as before_finalize still runs.</summary>
    [Exposed]
    public string Forbid(Session session)
    {
        session.Set("counter", 403);
        throw new HttpError(403);
    }

    /// <summary>Two required parameters, for the 404 that names them.</summary>
    [Exposed]
    public string Need(Session session, string mail, string pwd) => "need " + mail;

    /// <summary>Moves the session to a new id, then fails before anything is saved.</summary>
    [Exposed]
    public string RegenFail(Session session)
    {
        session.Regenerate();
        throw new InvalidOperationException("the handler failed after regenerating the session");
    }

    [Exposed]
    public string Fail(Session session)
    {
        session.Set("counter", 1000);
        throw new InvalidOperationException("the handler failed after changing the session");
    }
}

/// <summary>Explicit locking: the handler takes and releases the session's lock itself.</summary>
[Sessions(CookieName = "explicit_sid", Locking = SessionLocking.Explicit)]
public sealed class ExplicitSessions
{
    [Exposed]
    public async Task<string> Index(Request request)
    {
        await SessionsTool.AcquireAsync(request);
        var session = request.RequiredSession;
        session.Set("n", session.GetInt32("n") + 1);
        var value = session["n"];
        await Task.Delay(5);
        return "n=" + value;
    }

    /// <summary>Never locks: the session is read and saved unlocked, as CherryPy's explicit locking does.</summary>
    [Exposed]
    public string Unlocked(Session session)
    {
        session.Set("u", session.GetInt32("u") + 1);
        return "u=" + session["u"];
    }

    [Exposed]
    public async Task<string> ChangeThenLock(Request request)
    {
        var session = request.RequiredSession;
        session.Set("u", session.GetInt32("u") + 1);
        await SessionsTool.AcquireAsync(request);
        session.Set("n", session.GetInt32("n") + 1);
        return $"u={session["u"]} n={session["n"]}";
    }
}

[Sessions(CookieName = "attr_sid", HttpOnly = true)]
public sealed class AttributeSessions
{
    [Exposed]
    public string Index(Session session)
    {
        session.Set("visits", session.GetInt32("visits") + 1);
        return "visits=" + session["visits"];
    }
}
