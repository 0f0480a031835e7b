using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Cherry.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Cherry;

/// <summary>
/// The response headers as <see cref="Response.Headers"/> hands them out: every value is made fit for the wire
/// when it is assigned, as CherryPy's <c>HeaderMap.encode_header_items</c> makes it when the response is written.
/// Control characters are dropped (no value can split a header) and a value with non-ASCII text becomes one UTF-8
/// RFC 2047 word (<c>=?utf-8?b?...?=</c>). It has to happen on assignment: Kestrel refuses such a value as soon as it
/// is stored, long before the response is written.
/// </summary>
internal sealed class EncodedHeaderDictionary(IHeaderDictionary inner) : IHeaderDictionary
{
    public StringValues this[string key]
    {
        get => inner[key];
        set => inner[key] = Encode(value);
    }

    public long? ContentLength
    {
        get => inner.ContentLength;
        set => inner.ContentLength = value;
    }

    StringValues IDictionary<string, StringValues>.this[string key]
    {
        get => inner[key];
        set => inner[key] = Encode(value);
    }

    public ICollection<string> Keys => inner.Keys;

    public ICollection<StringValues> Values => inner.Values;

    public int Count => inner.Count;

    public bool IsReadOnly => inner.IsReadOnly;

    // ASP0019 warns callers off Add (it throws on a duplicate); a wrapper forwarding Add keeps that contract.
#pragma warning disable ASP0019
    public void Add(string key, StringValues value) => inner.Add(key, Encode(value));

    public void Add(KeyValuePair<string, StringValues> item) => inner.Add(item.Key, Encode(item.Value));
#pragma warning restore ASP0019

    public void Clear() => inner.Clear();

    public bool Contains(KeyValuePair<string, StringValues> item) => inner.Contains(item);

    public bool ContainsKey(string key) => inner.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, StringValues>[] array, int arrayIndex) => inner.CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => inner.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => inner.GetEnumerator();

    public bool Remove(string key) => inner.Remove(key);

    public bool Remove(KeyValuePair<string, StringValues> item) => inner.Remove(item);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out StringValues value) => inner.TryGetValue(key, out value);

    private static StringValues Encode(StringValues values)
    {
        if (values.Count == 1)
        {
            return Encode(values[0]);
        }
        var encoded = values.ToArray();
        for (var i = 0; i < encoded.Length; i++)
        {
            encoded[i] = Encode(encoded[i]);
        }
        return encoded;
    }

    /// <summary>The value as it can go on the wire: controls dropped, then one RFC 2047 word if anything is not ASCII.</summary>
    internal static string? Encode(string? value)
    {
        if (value is null || !value.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return value;
        }
        if (value.AsSpan().ContainsAny(ControlCharacters))
        {
            value = string.Concat(value.Where(c => !ControlCharacters.Contains(c)));
        }
        // What is left outside tab..~ is text ASCII cannot carry.
        return value.AsSpan().ContainsAnyExceptInRange('\t', '~') ? Rfc2047.EncodeWord(value) : value;
    }

    // CherryPy's header_translate_deletechars: C0 controls but the tab, and DEL (C1 controls are text to encode).
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");
}
