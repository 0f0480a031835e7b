using System.Text.Json.Serialization.Metadata;

namespace Cherry;

/// <summary>Awaits an asynchronous handler and stores its result; generated invokers call these.</summary>
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
}
