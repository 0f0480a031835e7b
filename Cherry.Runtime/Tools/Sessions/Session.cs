using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cherry;

/// <summary>
/// A client's session (CherryPy's <c>cherrypy.session</c>): values by key, kept as JSON, so a value is a string, a
/// number, a boolean, a list, a record (through a JSON context, AOT-safe) or None, and None is not an absent key. At
/// the end of a request that loaded it, it is saved when it changed and otherwise only its expiry is renewed, so a
/// session in use does not expire; it is locked against concurrent requests while it is in use.
/// </summary>
public sealed class Session
{
    private const string None = "null";

    /// <summary>
    /// Each key's value as JSON text (a string value with its quotes); a store keeps these texts as they are, opaque. A
    /// value saved before sessions held JSON (plain text) still reads back as that text.
    /// </summary>
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

    /// <summary>
    /// The value of <paramref name="key"/> as text: a string value itself, another value as its JSON (<c>42</c>,
    /// <c>true</c>, <c>[1,2]</c>); null when the key is absent or holds None. Setting null stores None (Python's
    /// <c>session[key] = None</c>); <see cref="Remove"/> deletes a key.
    /// </summary>
    public string? this[string key]
    {
        get => _data.TryGetValue(key, out var json) ? Text(json) : null;
        set => Put(key, value is null ? None : "\"" + JsonEncodedText.Encode(value).ToString() + "\"");
    }

    /// <summary>Whether the session has <paramref name="key"/>, None included.</summary>
    public bool ContainsKey(string key) => _data.ContainsKey(key);

    /// <summary>Whether <paramref name="key"/> holds None (not absent).</summary>
    public bool IsNone(string key) => _data.TryGetValue(key, out var json) && json == None;

    /// <summary>Deletes <paramref name="key"/> (Python's <c>del session[key]</c>); false when it was absent.</summary>
    public bool Remove(string key)
    {
        var removed = _data.Remove(key);
        Dirty |= removed;
        return removed;
    }

    /// <summary>The value of <paramref name="key"/> read through its JSON type information (a <c>JsonSerializerContext</c>'s), or default when absent.</summary>
    /// <exception cref="JsonException">The stored value does not have that type's shape.</exception>
    public T? Get<T>(string key, JsonTypeInfo<T> typeInfo) =>
        _data.TryGetValue(key, out var json) ? JsonSerializer.Deserialize(json, typeInfo) : default;

    /// <summary>Stores <paramref name="value"/> as JSON through its type information (a <c>JsonSerializerContext</c>'s); null stores None.</summary>
    public void Set<T>(string key, T value, JsonTypeInfo<T> typeInfo) => Put(key, JsonSerializer.Serialize(value, typeInfo));

    public int GetInt32(string key, int fallback = 0) =>
        int.TryParse(this[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public long GetInt64(string key, long fallback = 0) =>
        long.TryParse(this[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public double GetDouble(string key, double fallback = 0) =>
        double.TryParse(this[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>A boolean value (also one an older session kept as the text <c>true</c> or <c>false</c>).</summary>
    public bool GetBoolean(string key, bool fallback = false) => bool.TryParse(this[key], out var value) ? value : fallback;

    public void Set(string key, int value) => Put(key, value.ToString(CultureInfo.InvariantCulture));

    public void Set(string key, long value) => Put(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stores a finite number (JSON has no NaN or infinity).</summary>
    public void Set(string key, double value) =>
        Put(key, double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(value), value, "JSON holds finite numbers only."));

    public void Set(string key, bool value) => Put(key, value ? "true" : "false");

    private void Put(string key, string json)
    {
        if (!_data.TryGetValue(key, out var old) || old != json)
        {
            _data[key] = json;
            Dirty = true;
        }
    }

    /// <summary>A JSON string's characters; another value's JSON (or a plain text of an older session); null for None.</summary>
    private static string? Text(string json)
    {
        if (json == None)
        {
            return null;
        }
        if (json.Length < 2 || json[0] != '"' || json[^1] != '"')
        {
            return json;
        }
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            var reader = new Utf8JsonReader(bytes);
            return reader.Read() && reader.TokenType == JsonTokenType.String && reader.BytesConsumed == bytes.Length ? reader.GetString() : json;
        }
        catch (JsonException)
        {
            return json;
        }
    }

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
