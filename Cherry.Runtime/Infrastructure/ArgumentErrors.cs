using System.ComponentModel;

namespace Cherry.Infrastructure;

/// <summary>
/// Collects argument mismatches while a generated binder walks the parameters, then raises CherryPy's
/// error for them (<c>_cpdispatch.test_callable_spec</c>): missing → 404; surplus path segments → 404;
/// duplicates → 404 if any came from the query string, else 400; unexpected names → 404 from the
/// query string, 400 from the body. The messages join names as CherryPy does: missing and repeated names with a bare
/// comma (<c>mail,pwd</c>), unexpected ones with a comma and a space. Nothing is allocated unless a mismatch occurs. The client chooses how many
/// names it sends, so every step is constant time: names are kept once each, in order of arrival.
/// </summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ArgumentErrors
{
    private List<string>? _missing;
    private DistinctNames? _duplicates;
    private DistinctNames? _unexpectedQuery;
    private DistinctNames? _unexpectedBody;
    private bool _surplusPositional;
    private bool _duplicateFromQuery;

    public void Missing(string name) => (_missing ??= []).Add(name);

    public void SurplusPositional() => _surplusPositional = true;

    public void Duplicate(string name, ParameterSource source)
    {
        _duplicateFromQuery |= source == ParameterSource.QueryString;
        (_duplicates ??= new()).Add(name);
    }

    public void Unexpected(string name, ParameterSource source) =>
        (source == ParameterSource.Body ? (_unexpectedBody ??= new()) : (_unexpectedQuery ??= new())).Add(name);

    /// <summary>Throws the <see cref="HttpError"/> for the first kind of mismatch, in CherryPy's order.</summary>
    public readonly void ThrowIfAny(Request request)
    {
        var show = request.Settings.ShowMismatchedParameters;
        if (_missing is not null)
        {
            throw Error(404, "Missing parameters: ", ",", _missing, show);
        }
        if (_surplusPositional)
        {
            throw new HttpError(404);
        }
        if (_duplicates is not null)
        {
            throw Error(_duplicateFromQuery ? 404 : 400, "Multiple values for parameters: ", ",", _duplicates, show);
        }
        if (_unexpectedQuery is not null)
        {
            throw Error(404, "Unexpected query string parameters: ", ", ", _unexpectedQuery, show);
        }
        if (_unexpectedBody is not null)
        {
            throw Error(400, "Unexpected body parameters: ", ", ", _unexpectedBody, show);
        }
    }

    private static HttpError Error(int status, string prefix, string separator, IEnumerable<string> names, bool show) =>
        new(status, show ? prefix + string.Join(separator, names) : null);

    /// <summary>Names in order of arrival, each once.</summary>
    private sealed class DistinctNames : IEnumerable<string>
    {
        private readonly List<string> _ordered = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public void Add(string name)
        {
            if (_seen.Add(name))
            {
                _ordered.Add(name);
            }
        }

        public IEnumerator<string> GetEnumerator() => _ordered.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
