using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cherry.Runtime.Tests;

/// <summary>A Cherry request over a <see cref="DefaultHttpContext"/>, for calling a tool's code without a server.</summary>
internal static class TestRequests
{
    public static Request Create(HttpContext? http = null, string pathInfo = "/", TimeProvider? time = null) =>
        new(http ?? new DefaultHttpContext(), new MountedApp("", new object(), null!, false, 1024, NullLogger.Instance, time ?? TimeProvider.System, []), pathInfo, "", null);
}
