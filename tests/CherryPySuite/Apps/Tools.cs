using System.Collections.Concurrent;
using System.Text;
using Cherry;

namespace CherryPySuite.Apps;

/// <summary>
/// test_tools: tools of the app's own, each a <see cref="Tool"/> registered by name (CherryPy's <c>cherrypy.Tool</c>
/// and its subclasses) and, where the Python decorates a handler, a <see cref="ToolAttribute"/> for it: check_access
/// (in a toolbox of its own, <c>myauth</c>, as in the Python: a <see cref="ToolDeclarationAttribute"/> class below),
/// numerify (two hooks at on_start_resource, one failsafe, and one at before_finalize), nadsat (hooks at
/// before_finalize priority 0 and on_end_request), rotator (a callable object with an argument), streamer (a handler
/// wrapper), and bare hooks in configuration (<c>hooks.before_request_body</c>, as in the Python).
/// </summary>
public static class Tools
{
    public static void AddServices(IServiceCollection services) => services.AddSingleton<NadsatLedger>();

    public static void Configure(CherryOptions options)
    {
        options.Tools.Register(() => new NumerifyTool());
        options.Tools.Register(() => new NadsatTool());
        options.Tools.Register(() => new RotatorTool());
        options.Tools.Register(() => new StreamerTool());
        options.Hooks.Register(PipeBody.Name, PipeBody.RunAsync);
    }

    public static void Map(WebApplication app) => app.MapCherry<Root>("/", options => options
        .Set("/demo", "tools.numerify.on", "True")
        // {b'pie': b'3.14159'}, as Cherry's configuration holds a dict: its flattened pairs (an INI file's dict
        // literal becomes this).
        .Set("/demo", "tools.numerify.map", "pie,3.14159")
        .Set("/demo/restricted", "request.show_tracebacks", "False")
        .Set("/demo/userid", "request.show_tracebacks", "False")
        .Set("/demo/userid", "myauth.check_access.default", "True")
        .Set("/demo/errinstream", "response.stream", "True")
        // Not a mapping, so numerify's on_start_resource hook fails on it.
        .Set("/demo/err_in_onstart", "tools.numerify.map", "pie->3.14159")
        .Set("/euro", "tools.gzip.on", "True")
        .Set("/euro", "tools.encode.on", "True")
        .Set("/decorated_euro/subpath", "tools.gzip.priority", "10")
        .Set("/tarfile", "tools.streamer.on", "True")
        // 'hooks.before_request_body': pipe_body, a bare hook, as in the Python.
        .Set("/pipe", "hooks.before_request_body", PipeBody.Name));

    private const string Europound = "\u0080\u00a3";

    public sealed class Root
    {
        public Demo Demo { get; } = new();

        public ToolExamples Tooldecs { get; } = new();

        [Exposed]
        public string Index() => "Howdy earth!";

        // The Python asserts that tools.streamer.arg is 'arg value' here too; the port's streamer checks it.
        [Exposed, Streamer(Arg = "arg value")]
        public void Tarfile(Request request)
        {
            var output = StreamerTool.Output(request);
            output.Write("I am "u8);
            output.Write("a tarfile"u8);
        }

        // The Python also asserts that gzip (priority 80) is the only before_finalize hook: the chain is Cherry's.
        [Exposed]
        public IEnumerable<string> Euro()
        {
            yield return "Hello,";
            yield return "world";
            yield return Europound;
        }

        [Exposed]
        public byte[] Pipe(Request request) => PipeBody.Body(request);

        // tools.gzip(compress_level=6) and tools.rotator(scale=3); rotator runs before gzip unless configuration
        // lowers gzip's priority (/decorated_euro/subpath).
        [Exposed, Gzip(CompressLevel = 6), Rotator(Scale = 3)]
        public IEnumerable<string> DecoratedEuro(params string[] vpath)
        {
            yield return "Hello,";
            yield return "world";
            yield return Europound;
        }
    }

    [Nadsat]
    public sealed class Demo
    {
        [Exposed]
        public string Index(string? id = null) => "A good piece of cherry pie";

        [Exposed]
        public string Ended(Request request, string id) =>
            // repr(tools.nadsat.ended[id]): a KeyError (500) for an id never ended.
            request.HttpContext.RequestServices.GetRequiredService<NadsatLedger>().Ended[id] ? "True" : "False";

        [Exposed]
        public string Err(string? id = null) => throw new ArgumentException("ValueError");

        [Exposed]
        public IEnumerable<string> Errinstream(string? id = null)
        {
            yield return "nonconfidential";
            throw new ArgumentException("ValueError");
        }

        [Exposed, CheckAccess]
        public string Restricted() => "Welcome!";

        // userid = restricted: the same decorated page under a second name.
        [Exposed, CheckAccess]
        public string Userid() => Restricted();

        [Exposed]
        public string ErrInOnstart() => "success!";

        [Exposed]
        public IEnumerable<string> Stream(string? id = null)
        {
            for (var x = 0; x < 100000000; x++)
            {
                yield return x.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>_test_decorators.ToolExamples.</summary>
    public sealed class ToolExamples
    {
        [Exposed, ResponseHeaders("Content-Type", "application/data")]
        public IEnumerable<byte[]> Blah()
        {
            yield return "blah"u8.ToArray();
        }
    }


    /// <summary>
    /// NumTool: at on_start_resource it reads its map (each request, as the Python's <c>_merged_args()</c>) and, failsafe,
    /// makes every error a 502; at before_finalize it replaces the map's keys in the body.
    /// </summary>
    public sealed class NumerifyTool : Tool
    {
        private string[] _map = [];
        private string _rawMap = "";

        public override string Name => "numerify";

        public override void Configure(ToolArguments arguments)
        {
            // A dict arrives as its flattened pairs (key,value,key,value); anything else as it was written.
            _rawMap = arguments.GetString("map", "");
            _map = _rawMap.Split(',', StringSplitOptions.TrimEntries);
        }

        public override void Attach(ToolChainBuilder chain)
        {
            var slot = chain.ReserveSlot();
            chain.Add(Name, HookPoint.OnStartResource, 50, false, request =>
            {
                if (_map.Length % 2 != 0)
                {
                    throw new InvalidOperationException($"tools.numerify.map is not a mapping: '{_rawMap}'");
                }
                request.SetToolState(slot, _map.Chunk(2).Select(pair => (Encoding.UTF8.GetBytes(pair[0]), Encoding.UTF8.GetBytes(pair[1]))).ToArray());
                return ValueTask.CompletedTask;
            });
            chain.Add(Name, HookPoint.OnStartResource, 50, true, request =>
            {
                request.ErrorResponse = (r, error) =>
                {
                    new HttpError(502, null, null, error).SetResponse(r);
                    return ValueTask.CompletedTask;
                };
                return ValueTask.CompletedTask;
            });
            chain.Add(Name, HookPoint.BeforeFinalize, 50, false, request =>
            {
                var map = ((byte[] From, byte[] To)[]?)request.GetToolState(slot) ?? [];
                BodyChunks.Map(request.Response, chunk => map.Aggregate(chunk, (c, pair) => BodyChunks.Replace(c, pair.From, pair.To)));
                return ValueTask.CompletedTask;
            });
        }
    }

    /// <summary>What NadsatTool's on_end_request hook has seen, by the request's <c>id</c>.</summary>
    public sealed class NadsatLedger
    {
        public ConcurrentDictionary<string, bool> Ended { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>NadsatTool (not a cherrypy.Tool subclass in the Python): a body filter at before_finalize priority 0 and a failsafe cleanup at on_end_request.</summary>
    public sealed class NadsatTool : Tool
    {
        private NadsatLedger? _ledger;

        public override string Name => "nadsat";

        public override void Resolve(IServiceProvider services, ToolArguments arguments) => _ledger = services.GetRequiredService<NadsatLedger>();

        public override void Attach(ToolChainBuilder chain)
        {
            chain.Add(Name, HookPoint.BeforeFinalize, 0, false, request =>
            {
                BodyChunks.Map(request.Response, chunk =>
                    BodyChunks.Replace(BodyChunks.Replace(chunk, "good"u8.ToArray(), "horrorshow"u8.ToArray()), "piece"u8.ToArray(), "lomtick"u8.ToArray()));
                return ValueTask.CompletedTask;
            });
            chain.Add(Name, HookPoint.OnEndRequest, 50, true, request =>
            {
                // The response is written by now: a new body changes nothing the client sees.
                request.Response.Body = "razdrez"u8.ToArray();
                if (request.Parameters["id"] is { Length: > 0 } id)
                {
                    _ledger!.Ended[id] = true;
                }
                return ValueTask.CompletedTask;
            });
        }
    }

    public sealed class NadsatAttribute : ToolAttribute
    {
        public override Tool CreateTool() => new NadsatTool();
    }

    /// <summary>Rotator (before_finalize): the collapsed body with <c>scale</c> added to every byte.</summary>
    public sealed class RotatorTool : HookTool
    {
        public override string Name => "rotator";

        public override HookPoint Point => HookPoint.BeforeFinalize;

        public int Scale { get; set; }

        public override void Configure(ToolArguments arguments) => Scale = arguments.GetInt32("scale", Scale);

        public override async ValueTask RunAsync(Request request)
        {
            var response = request.Response;
            var body = await BodyChunks.CollapseAsync(response);
            response.Body = body.Select(b => (byte)((b + Scale) % 256)).ToArray();
        }
    }

    public sealed class RotatorAttribute : ToolAttribute
    {
        public int Scale { get; set; }

        public override Tool CreateTool() => new RotatorTool { Scale = Scale };
    }

    /// <summary>
    /// The streamer handler wrapper: the handler writes into an output buffer the tool gives it (the Python's
    /// <c>response.output</c>), and the buffer's content is the answer, whatever the handler returns.
    /// </summary>
    public sealed class StreamerTool : Tool
    {
        private static readonly object OutputKey = new();

        public override string Name => "streamer";

        public string? Arg { get; set; }

        public override void Configure(ToolArguments arguments) => Arg = arguments.GetString("arg", Arg);

        public static MemoryStream Output(Request request) => (MemoryStream)request.HttpContext.Items[OutputKey]!;

        public override void Attach(ToolChainBuilder chain)
        {
            chain.Add(Name, HookPoint.BeforeHandler, 50, false, request =>
            {
                // assert cherrypy.request.config.get('tools.streamer.arg') == 'arg value'
                if (Arg != "arg value")
                {
                    throw new InvalidOperationException($"tools.streamer.arg is '{Arg}'");
                }
                var output = new MemoryStream();
                request.HttpContext.Response.RegisterForDispose(output);
                request.HttpContext.Items[OutputKey] = output;
                return ValueTask.CompletedTask;
            });
            chain.Add(Name, HookPoint.BeforeFinalize, 0, false, request =>
            {
                request.Response.Body = Output(request).ToArray();
                return ValueTask.CompletedTask;
            });
        }
    }

    public sealed class StreamerAttribute : ToolAttribute
    {
        public string? Arg { get; set; }

        public override Tool CreateTool() => new StreamerTool { Arg = Arg };
    }

    /// <summary>pipe_body (before_request_body): the body is not processed into parameters but read whole, as it came.</summary>
    /// <summary>pipe_body, a bare hook (before_request_body): the raw body, unread by Cherry, for the handler.</summary>
    public static class PipeBody
    {
        public const string Name = "pipe_body";

        private static readonly object BodyKey = new();

        public static byte[] Body(Request request) => (byte[])request.HttpContext.Items[BodyKey]!;

        public static async ValueTask RunAsync(Request request)
        {
            request.ProcessRequestBody = false;
            using var body = new MemoryStream();
            await request.HttpContext.Request.Body.CopyToAsync(body, request.Aborted);
            request.HttpContext.Items[BodyKey] = body.ToArray();
        }
    }

    /// <summary>Body filters over a buffered or a streamed body, as the Python's generators over <c>response.body</c>.</summary>
    private static class BodyChunks
    {
        public static void Map(Response response, Func<byte[], byte[]> filter)
        {
            if (response.Stream is { } stream)
            {
                response.Stream = MapStream(stream, filter);
            }
            else if (response.Writer is null)
            {
                response.Body = filter(response.Body.ToArray());
            }
        }

        public static async ValueTask<byte[]> CollapseAsync(Response response)
        {
            if (response.Stream is not { } stream)
            {
                return response.Body.ToArray();
            }
            using var buffer = new MemoryStream();
            await foreach (var chunk in stream)
            {
                buffer.Write(chunk.Span);
            }
            return buffer.ToArray();
        }

        public static byte[] Replace(byte[] chunk, byte[] from, byte[] to)
        {
            var output = new List<byte>(chunk.Length);
            for (var i = 0; i < chunk.Length;)
            {
                if (chunk.AsSpan(i).StartsWith(from))
                {
                    output.AddRange(to);
                    i += from.Length;
                }
                else
                {
                    output.Add(chunk[i++]);
                }
            }
            return [.. output];
        }

        private static async IAsyncEnumerable<ReadOnlyMemory<byte>> MapStream(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, Func<byte[], byte[]> filter)
        {
            await foreach (var chunk in chunks)
            {
                yield return filter(chunk.ToArray());
            }
        }
    }
}

/// <summary>myauth.check_access (before_request_body): 401 unless the request has a user id, or <c>default</c> is true.</summary>
[ToolDeclaration("check_access", HookPoint.BeforeRequestBody, Namespace = "myauth")]
public sealed partial class CheckAccessAttribute : ToolAttribute
{
    public bool Default { get; set; }

    // getattr(cherrypy.request, 'userid', default): nothing in this app sets a user id.
    public void Run(Request request)
    {
        if (request.Login is null && !Default)
        {
            throw new HttpError(401);
        }
    }
}
