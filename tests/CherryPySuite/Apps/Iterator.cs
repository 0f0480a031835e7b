using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_iterator: handlers that return iterators of four kinds, each counting how many of its kind are open
/// (started and not yet finished or disposed). <c>/getall</c> returns the iterator (collected before the headers go,
/// so it has a Content-Length), <c>/stream</c> the same with <c>response.stream</c> on, <c>/count</c> answers the
/// live count.
/// </summary>
public static class Iterator
{
    // @cherrypy.config(**{'response.stream': True}) on stream; getall collects its iterator (response.stream off).
    public static void Map(WebApplication app) => app.MapCherry<Root>("/", options => options.Set("/stream", "response.stream", "True"));

    private const int Chunks = 1024;
    private static readonly string DataChunk = string.Concat(Enumerable.Repeat("butternut squash", 256));

    // IteratorBase.created, per class name.
    private static readonly Dictionary<string, int> Created = new(StringComparer.Ordinal)
    {
        ["OurGenerator"] = 0,
        ["OurIterator"] = 0,
        ["OurClosableIterator"] = 0,
        ["OurNotClosableIterator"] = 0,
        ["OurUnclosableIterator"] = 0,
    };

    private static void Add(string name, int delta)
    {
        lock (Created)
        {
            Created[name] += delta;
        }
    }

    /// <summary>OurGenerator: counts itself from its first item to its end or disposal (the generator's finally).</summary>
    private static IEnumerable<string> Generator(string name)
    {
        Add(name, 1);
        try
        {
            for (var i = 0; i < Chunks; i++)
            {
                yield return DataChunk;
            }
        }
        finally
        {
            Add(name, -1);
        }
    }

    /// <summary>
    /// OurIterator and its subclasses: count from the first item until closed once. The closable one is closed by the
    /// server when the response ends; the others by <c>__del__</c>, which CPython runs as soon as the server drops the
    /// iterator. Both are the enumerator's disposal here (its <c>finally</c>), which the runtime does when it has read
    /// the sequence or the connection has gone.
    /// </summary>
    private static IEnumerable<string> PlainIterator(string name)
    {
        var started = false;
        try
        {
            for (var i = 0; i < Chunks; i++)
            {
                if (!started)
                {
                    started = true;
                    Add(name, 1);
                }
                yield return DataChunk;
            }
        }
        finally
        {
            if (started)
            {
                Add(name, -1);
            }
        }
    }

    private static IEnumerable<string> Make(string name) => name switch
    {
        "OurGenerator" => Generator(name),
        "OurIterator" or "OurClosableIterator" or "OurNotClosableIterator" or "OurUnclosableIterator" => PlainIterator(name),
        _ => throw new HttpError(404),
    };

    public sealed class Root
    {
        [Exposed]
        public string Count(Request request, string clsname)
        {
            request.Response.Headers.ContentType = "text/plain";
            lock (Created)
            {
                return Created.TryGetValue(clsname, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : throw new HttpError(404);
            }
        }

        [Exposed]
        public IEnumerable<string> Getall(Request request, string clsname)
        {
            request.Response.Headers.ContentType = "text/plain";
            return Make(clsname);
        }

        [Exposed]
        public IEnumerable<string> Stream(Request request, string clsname) => Getall(request, clsname);
    }
}
