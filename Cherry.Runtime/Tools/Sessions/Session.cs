namespace Cherry;

/// <summary>
/// A client's session (CherryPy's <c>cherrypy.session</c>): string values by key. At the end of a request that loaded
/// it, it is saved when it changed and otherwise only its expiry is renewed, so a session in use does not expire; it is
/// locked against concurrent requests while it is in use.
/// </summary>
public sealed class Session
{
    private Dictionary<string, string> _data = new(StringComparer.Ordinal);

    internal Session(string id, bool isNew)
    {
        Id = id;
        IsNew = isNew;
    }

    public string Id { get; internal set; }

    /// <summary>True when the client brought no known session and got this new id.</summary>
    public bool IsNew { get; }

    internal bool Dirty { get; private set; }

    internal bool Loaded { get; private set; }

    /// <summary>The store had the data this request loaded, or has what it saved: there is an expiry to renew.</summary>
    internal bool Stored { get; private set; }

    internal string? PreviousId { get; set; }

    internal bool Expired { get; private set; }

    internal bool Deleted { get; private set; }

    public int Count => _data.Count;

    public IEnumerable<string> Keys => _data.Keys;

    /// <summary>The value of <paramref name="key"/>, or null; setting null removes it.</summary>
    public string? this[string key]
    {
        get => _data.TryGetValue(key, out var value) ? value : null;
        set
        {
            if (value is null)
            {
                Dirty |= _data.Remove(key);
            }
            else if (!_data.TryGetValue(key, out var old) || old != value)
            {
                _data[key] = value;
                Dirty = true;
            }
        }
    }

    public int GetInt32(string key, int fallback = 0) =>
        int.TryParse(this[key], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public void Set(string key, int value) => this[key] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Clear()
    {
        Dirty |= _data.Count > 0;
        _data.Clear();
    }

    /// <summary>CherryPy's <c>regenerate()</c>: the data moves to a new id and the old one is deleted (call after a login).</summary>
    public void Regenerate()
    {
        PreviousId ??= Id;
        Id = SessionIds.New();
        Dirty = true;
    }

    /// <summary>CherryPy's <c>expire()</c>: the client's cookie is expired.</summary>
    public void Expire() => Expired = true;

    /// <summary>
    /// CherryPy's <c>delete()</c>: the session's data is removed from the store at the end of the request, and this
    /// request does not save it again (call <see cref="Expire"/> too to drop the client's cookie).
    /// </summary>
    public void Delete() => Deleted = true;

    internal IReadOnlyDictionary<string, string> Snapshot() => _data;

    internal void Load(IReadOnlyDictionary<string, string>? data)
    {
        _data = data is null ? new(StringComparer.Ordinal) : new Dictionary<string, string>(data, StringComparer.Ordinal);
        Loaded = true;
        Stored = data is not null;
    }

    internal void MarkSaved()
    {
        Dirty = false;
        Stored = true;
    }
}

/// <summary>Session ids: 40 hex characters from a cryptographic random source, as CherryPy makes them.</summary>
public static partial class SessionIds
{
    public static string New() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    public static bool IsWellFormed(string id) => id.Length == 40 && id.All(char.IsAsciiHexDigitLower);

    /// <summary><paramref name="text"/> with every session id in it replaced, for logs.</summary>
    internal static string Mask(string text) => Pattern().Replace(text, "[session id]");

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{40}")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
