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
            // 64 connections, each request with one of 64 sessions: a read and a write per request, no lock queue.
            var cookies = new List<string>();
            for (var i = 0; i < 64; i++)
            {
                using var response = await Client.GetAsync(baseUrl + scenario.Path);
                if (response.StatusCode != HttpStatusCode.OK || !response.Headers.TryGetValues("Set-Cookie", out var set))
                {
                    return null;
                }
                cookies.Add(set.First().Split(';')[0]);
            }
            var script = Path.Combine(work, $"sessions-{Guid.NewGuid():N}.lua");
            var lua = new StringBuilder("local cookies = {");
            lua.Append(string.Join(", ", cookies.Select(c => "\"" + c + "\""))).Append("}\n");
            lua.Append("request = function() return wrk.format(\"GET\", nil, { Cookie = cookies[math.random(#cookies)] }) end\n");
            await File.WriteAllTextAsync(script, lua.ToString());
            return ["-s", script];
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
