namespace Cherry;

/// <summary>Where a named parameter came from; CherryPy's 404/400 choice for a mismatch depends on it.</summary>
public enum ParameterSource
{
    QueryString,
    Body,
    /// <summary>Taken from the path by <see cref="PopArgsAttribute"/> or a tool.</summary>
    Path,
}

/// <summary>One named parameter.</summary>
public readonly record struct Parameter(string Name, string Value, ParameterSource Source)
{
    /// <summary>
    /// The multipart part the value came from, or null. For an uploaded file, <see cref="Value"/> is its file name (what
    /// a browser's file input holds as its value), so a <c>string</c> parameter or <c>**kwargs</c> sees the name, and a
    /// <see cref="Cherry.Part"/> parameter the content.
    /// </summary>
    public Part? Part { get; init; }
}

/// <summary>
/// The request's named parameters in arrival order, repeated names kept. A list rather than a dictionary:
/// generated binders walk it once and switch on the name. The client chooses the count, so it is capped.
/// </summary>
public sealed class ParameterList
{
    private Parameter[] _items = [];

    public ParameterList()
        : this(int.MaxValue)
    {
    }

    /// <param name="limit">How many parameters the list takes; one more is a 400.</param>
    public ParameterList(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Limit = limit;
    }

    public int Count { get; private set; }

    /// <summary>How many parameters the list takes (<see cref="CherryOptions.MaxParameters"/> for a request's).</summary>
    public int Limit { get; }

    public ReadOnlySpan<Parameter> AsSpan() => _items.AsSpan(0, Count);

    /// <exception cref="HttpError">400: the list already holds <see cref="Limit"/> parameters.</exception>
    public void Add(string name, string value, ParameterSource source) => Add(new Parameter(name, value, source));

    /// <exception cref="HttpError">400: the list already holds <see cref="Limit"/> parameters.</exception>
    public void Add(Parameter parameter)
    {
        if (Count == Limit)
        {
            throw new HttpError(400, $"Too many parameters: a request may carry at most {Limit}.");
        }
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, Count * 2));
        }
        _items[Count++] = parameter;
    }

    /// <summary>Removes every parameter with this name.</summary>
    public void Remove(string name)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (_items[i].Name != name)
            {
                _items[kept++] = _items[i];
            }
        }
        Array.Clear(_items, kept, Count - kept);
        Count = kept;
    }

    /// <summary>The first value of a name, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (ref readonly var p in AsSpan())
            {
                if (p.Name == name)
                {
                    return p.Value;
                }
            }
            return null;
        }
    }
}
