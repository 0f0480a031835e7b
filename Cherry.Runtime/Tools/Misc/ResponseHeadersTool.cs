namespace Cherry;

/// <summary>
/// CherryPy's <c>response_headers</c> (on_start_resource, failsafe): sets fixed headers on every response.
/// <c>response.headers.&lt;Name&gt;</c> config keys feed it too.
/// </summary>
public sealed partial class ResponseHeadersTool : HookTool
{
    /// <summary>The headers as the wire takes them, encoded once for the options they came from rather than on every request.</summary>
    private EncodedHeaders? _encoded;

    public override ValueTask RunAsync(Request request)
    {
        Apply(request);
        return ValueTask.CompletedTask;
    }

    internal void Apply(Request request)
    {
        var headers = Encoded();
        for (var i = 0; i + 1 < headers.Length; i += 2)
        {
            request.Response.SetEncodedHeader(headers[i]!, headers[i + 1]);
        }
    }

    private string?[] Encoded()
    {
        var options = Options;
        if (_encoded is not { } encoded || !ReferenceEquals(encoded.Options, options))
        {
            var values = new string?[options.Headers.Length];
            for (var i = 0; i < values.Length; i++)
            {
                // Names as given, values as Response.SetHeader would make them fit for the wire.
                values[i] = i % 2 == 0 ? options.Headers[i] : EncodedHeaderDictionary.Encode(options.Headers[i]);
            }
            encoded = new EncodedHeaders(options, values);
            _encoded = encoded;
        }
        return encoded.Values;
    }

    private sealed record EncodedHeaders(ResponseHeadersOptions Options, string?[] Values);
}
