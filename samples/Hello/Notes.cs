using System.Collections.Concurrent;
using Cherry;

namespace Hello;

/// <summary>A REST resource: <c>GET /notes/</c>, <c>GET /notes/{id}</c>, <c>POST /notes/</c>, <c>DELETE /notes/{id}</c>.</summary>
[Rest]
public sealed class Notes
{
    private readonly ConcurrentDictionary<int, string> _notes = new();
    private int _next;

    public string Get(int? id = null)
    {
        if (id is null)
        {
            return string.Join("\n", _notes.OrderBy(n => n.Key).Select(n => $"{n.Key}: {n.Value}"));
        }
        return _notes.TryGetValue(id.Value, out var text) ? text : throw new NotFound();
    }

    public string Post(Response response, string text)
    {
        var id = Interlocked.Increment(ref _next);
        _notes[id] = text;
        response.StatusCode = 201;
        return $"created {id}";
    }

    public string Delete(int id) => _notes.TryRemove(id, out var text) ? "deleted " + text : throw new NotFound();
}
