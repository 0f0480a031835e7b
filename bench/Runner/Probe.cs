using System.Net;
using System.Text;

namespace Runner;

/// <summary>Checks that a server answers a scenario and returns wrk's extra arguments for it (null: not available).</summary>
internal static class Probe
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

    public static async Task<string[]?> PrepareAsync(string baseUrl, Scenario scenario, string work)
    {
        if (scenario.Sessions)
        {
            return await SessionsAsync([baseUrl], scenario.Path, work);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + scenario.Path);
        if (scenario.Authenticated)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Scenario.Credentials);
        }
        using var answer = await Client.SendAsync(request);
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }
        return scenario.Authenticated ? ["-H", "Authorization: Basic " + Scenario.Credentials] : [];
    }

    /// <summary>
    /// 64 sessions made on the first instance, whatever the server names its cookie, and a wrk script that sends each
    /// request with one of them: 64 connections, a read and a write per request, no lock queue. Null when the server
    /// has no sessions there; a failure when the last instance does not count on from a session the first one made
    /// (a session not kept, or not shared, would measure something else).
    /// </summary>
    public static async Task<string[]?> SessionsAsync(IReadOnlyList<string> baseUrls, string path, string work)
    {
        var cookies = new List<string>();
        for (var i = 0; i < 64; i++)
        {
            using var response = await Client.GetAsync(baseUrls[0] + path);
            if (response.StatusCode != HttpStatusCode.OK || !response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                return null;
            }
            cookies.Add(set.First().Split(';')[0]);
        }
        using var again = new HttpRequestMessage(HttpMethod.Get, baseUrls[^1] + path);
        again.Headers.Add("Cookie", cookies[0]);
        using var answer = await Client.SendAsync(again);
        var body = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode != HttpStatusCode.OK || !body.EndsWith("count 2", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{baseUrls[^1]}{path} answered {(int)answer.StatusCode} '{body}' to a session's second request, not 'count 2'");
        }
        var script = Path.Combine(work, $"sessions-{Guid.NewGuid():N}.lua");
        var lua = new StringBuilder("local cookies = {");
        lua.Append(string.Join(", ", cookies.Select(c => "\"" + c + "\""))).Append("}\n");
        lua.Append("request = function() return wrk.format(\"GET\", nil, { Cookie = cookies[math.random(#cookies)] }) end\n");
        await File.WriteAllTextAsync(script, lua.ToString());
        return ["-s", script];
    }

    /// <summary>Stores the page through every instance (each names its own host and port in the key) and checks the next request is a hit.</summary>
    public static async Task PrimeAsync(IReadOnlyList<string> baseUrls, string path)
    {
        foreach (var baseUrl in baseUrls)
        {
            await ExpectOkAsync(baseUrl + path);
            await ExpectCachedAsync(baseUrl + path, cached: true);
        }
    }

    /// <summary>Checks that a query string the server has not seen misses and that the same one again hits: each new query is a miss.</summary>
    public static async Task ExpectMissesAsync(IReadOnlyList<string> baseUrls, string path)
    {
        foreach (var baseUrl in baseUrls)
        {
            var url = $"{baseUrl}{path}?miss=probe-{Guid.NewGuid():N}";
            await ExpectCachedAsync(url, cached: false);
            await ExpectCachedAsync(url, cached: true);
        }
    }

    /// <summary>A cached answer carries Age (Cherry's caching tool and ASP.NET Core's output caching both add it).</summary>
    private static async Task ExpectCachedAsync(string url, bool cached)
    {
        using var answer = await Client.GetAsync(url);
        if (answer.StatusCode != HttpStatusCode.OK || answer.Headers.Age.HasValue != cached)
        {
            throw new InvalidOperationException($"{url} answered {(int)answer.StatusCode} {(answer.Headers.Age.HasValue ? "from" : "not from")} the cache");
        }
    }

    /// <summary>Fails the run when a server does not answer a paired scenario with 200.</summary>
    public static async Task ExpectOkAsync(string url)
    {
        using var answer = await Client.GetAsync(url);
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url} answered {(int)answer.StatusCode}, not 200");
        }
    }
}
