using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;

namespace Cherry.Infrastructure;

/// <summary>Awaits an asynchronous handler and stores its result; generated invokers call these.</summary>
/// <remarks>For generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerResults
{
    public static async ValueTask AwaitNone(Request request, Task task) => await task;

    public static async ValueTask AwaitNone(Request request, ValueTask task) => await task;

    public static async ValueTask AwaitText(Request request, Task<string> task) => request.Response.SetText(await task);

    public static async ValueTask AwaitText(Request request, ValueTask<string> task) => request.Response.SetText(await task);

    public static async ValueTask AwaitBytes(Request request, Task<byte[]> task) => request.Response.Body = await task ?? [];

    public static async ValueTask AwaitBytes(Request request, ValueTask<byte[]> task) => request.Response.Body = await task ?? [];

    public static async ValueTask AwaitJson<T>(Request request, Task<T> task, JsonTypeInfo<T> typeInfo) =>
        JsonBinding.Write(request, await task, typeInfo, "application/json");

    public static async ValueTask AwaitJson<T>(Request request, ValueTask<T> task, JsonTypeInfo<T> typeInfo) =>
        JsonBinding.Write(request, await task, typeInfo, "application/json");

    public static async ValueTask AwaitXmlRpc<T>(Request request, Task<T> task, bool allowNone) =>
        XmlRpcBinding.WriteResult(request, await task, allowNone);

    public static async ValueTask AwaitXmlRpc<T>(Request request, ValueTask<T> task, bool allowNone) =>
        XmlRpcBinding.WriteResult(request, await task, allowNone);

    public static async ValueTask AwaitXmlRpc(Request request, Task task, bool allowNone)
    {
        await task;
        XmlRpcBinding.WriteResult(request, null, allowNone);
    }

    public static async ValueTask AwaitXmlRpc(Request request, ValueTask task, bool allowNone)
    {
        await task;
        XmlRpcBinding.WriteResult(request, null, allowNone);
    }

    public static ValueTask StreamText(Request request, IAsyncEnumerable<string> chunks)
    {
        request.Response.SetTextStream(chunks);
        return default;
    }

    public static ValueTask StreamText(Request request, IEnumerable<string> chunks) => StreamText(request, ToAsync(chunks));

    public static ValueTask StreamBytes(Request request, IAsyncEnumerable<byte[]> chunks)
    {
        request.Response.Stream = Bytes(chunks);
        return default;
    }

    public static ValueTask StreamBytes(Request request, IEnumerable<byte[]> chunks) => StreamBytes(request, ToAsync(chunks));

    public static ValueTask StreamObjects(Request request, IAsyncEnumerable<object?> items)
    {
        request.Response.SetObjectStream(items);
        return default;
    }

    public static ValueTask StreamObjects(Request request, IEnumerable<object?> items) => StreamObjects(request, ToAsync(items));

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Bytes(IAsyncEnumerable<byte[]> chunks)
    {
        await foreach (var chunk in chunks)
        {
            yield return chunk;
        }
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
        await Task.CompletedTask;
    }
}
