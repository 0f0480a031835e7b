using System.ComponentModel;
using System.Globalization;

namespace Cherry.Infrastructure;

/// <summary>What generated XML-RPC dispatchers call: the parsed call, typed arguments and the response.</summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class XmlRpcBinding
{
    private const int FaultCode = 1;

    /// <summary>Reads the methodCall from the body; null (with a fault already written) when it cannot be read.</summary>
    public static async ValueTask<(string Method, object?[] Arguments)?> ReadCallAsync(Request request)
    {
        byte[] body;
        try
        {
            body = await RequestBodyReader.ReadBytesAsync(request.HttpContext.Request, request.Aborted);
        }
        catch (HttpError error)
        {
            WriteFault(request, error.Message);
            return null;
        }
        try
        {
            var call = XmlRpcCodec.ReadCall(body);
            request.RpcArguments = call.Parameters;
            return call;
        }
        catch (XmlRpcCodec.XmlRpcDepthException ex)
        {
            WriteFault(request, ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            // CherryPy's message for a body it cannot parse.
            WriteFault(request, "method \"ERRORMETHOD\" is not supported");
            return null;
        }
    }

    /// <summary>The <paramref name="index"/>th XML-RPC argument converted to <typeparamref name="T"/>.</summary>
    public static T Argument<T>(Request request, int index, string name, bool hasDefault, T defaultValue)
    {
        var arguments = request.RpcArguments ?? [];
        if (index >= arguments.Length)
        {
            return hasDefault ? defaultValue : throw new InvalidOperationException($"missing argument '{name}'");
        }
        var value = arguments[index];
        return value switch
        {
            T typed => typed,
            null when default(T) is null => default!,
            int i when typeof(T) == typeof(long) => (T)(object)(long)i,
            int i when typeof(T) == typeof(double) => (T)(object)(double)i,
            _ => throw new InvalidOperationException($"argument '{name}' must be {typeof(T).Name}, not {value?.GetType().Name ?? "nil"}"),
        };
    }

    /// <summary>Fails the call when more arguments came than the method takes.</summary>
    public static void CheckArgumentCount(Request request, int count, string method)
    {
        if ((request.RpcArguments?.Length ?? 0) > count)
        {
            throw new InvalidOperationException($"{method}() takes {count} arguments but {request.RpcArguments!.Length} were given");
        }
    }

    /// <summary>Writes the result; a returned <see cref="XmlRpcFault"/> is that fault, as CherryPy answers a returned <c>Fault</c>.</summary>
    public static void WriteResult(Request request, object? value, bool allowNone = false)
    {
        if (value is XmlRpcFault fault)
        {
            WriteFault(request, fault.FaultCode, fault.Message);
            return;
        }
        request.Response.ContentType = "text/xml";
        request.Response.SetText(XmlRpcCodec.WriteResponse(value, allowNone));
    }

    /// <summary>
    /// A fault: HTTP 200, code 1, as CherryPy answers every XML-RPC error. It is an error response, as CherryPy
    /// makes it in its error hook: encode, gzip, etags and caching leave it alone, so it is <c>text/xml</c> without a
    /// charset (CherryPy's results carry one).
    /// </summary>
    public static void WriteFault(Request request, string message) => WriteFault(request, FaultCode, message);

    /// <summary>A fault with its own code (an <see cref="XmlRpcFault"/>), otherwise as <see cref="WriteFault(Request, string)"/>.</summary>
    public static void WriteFault(Request request, int code, string message)
    {
        request.IsErrorResponse = true;
        request.Response.Status = "200";
        request.Response.ContentType = "text/xml";
        request.Response.Body = System.Text.Encoding.UTF8.GetBytes(XmlRpcCodec.WriteFault(code, message));
    }

    public static void UnknownMethod(Request request, string method) =>
        WriteFault(request, $"method \"{method}\" is not supported");

    /// <summary>Runs a bound call, turning any failure into a fault: an <see cref="XmlRpcFault"/> its own, any other code 1.</summary>
    public static async ValueTask InvokeAsync(Request request, Func<Request, ValueTask> invoke)
    {
        try
        {
            await invoke(request);
        }
        catch (XmlRpcFault fault)
        {
            WriteFault(request, fault.FaultCode, fault.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WriteFault(request, ex is HttpError error ? error.Message : ex.Message);
        }
    }

    public static string Describe(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "None";
}
