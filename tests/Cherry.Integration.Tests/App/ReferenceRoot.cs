using System.Text.Json.Serialization;
using Conformance;

namespace Cherry.Integration.Tests.App;

/// <summary>
/// samples/Conformance's root (the reference app in C#) with the handlers the issues add beyond CherryPy's app:
/// typed parameters and bodies, cancellation, a redirect loop, and PUT on the REST resource.
/// </summary>
public sealed class ReferenceRoot : Root
{
    public new ExtendedRestItems Rest { get; } = new();

    public new ExtendedJsonApp Json { get; } = new();

    [Exposed]
    public string Loop() => throw new InternalRedirect("/loop");

    [Exposed]
    public string Kinds(Guid id, DateTimeOffset when, Color color, bool flag = false, double ratio = 0.5, long[]? ids = null) =>
        $"id={id} when={when:O} color={color} flag={flag} ratio={ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)} ids={string.Join(",", ids ?? [])}";

    // Two overloads of one method, each at its own segment: both must be reachable.
    [Exposed("pick_text")]
    public string Pick(string text) => "text " + text;

    [Exposed("pick_number")]
    public string Pick(int number) => "number " + (number + 1);

    [Exposed]
    public async Task<string> Slow(CancellationToken cancellation)
    {
        await Task.Delay(1, cancellation);
        return "slow done";
    }

    private static readonly byte[] Zeros = new byte[LargeSize];

    public const int LargeSize = 64 << 20;

    /// <summary>A download too large for the socket buffers, with a Content-Length: one for a client to abandon.</summary>
    [Exposed]
    public void Large(Request request) => Static.ServeFileObj(request, new MemoryStream(Zeros, writable: false));

    /// <summary>The same bytes as one buffered body, written in a single write.</summary>
    [Exposed]
    public byte[] LargeBuffered() => Zeros;

    private static int _untilAbortedEntered;

    /// <summary>How many requests have reached <see cref="UntilAborted"/>: a test waits on it instead of sleeping.</summary>
    public static int UntilAbortedEntered => Volatile.Read(ref _untilAbortedEntered);

    /// <summary>Answers only when the client has gone: the request's token is what ends the wait.</summary>
    [Exposed]
    public async Task<string> UntilAborted(CancellationToken cancellation)
    {
        Interlocked.Increment(ref _untilAbortedEntered);
        await Task.Delay(Timeout.Infinite, cancellation);
        return "never";
    }
}

public enum Color
{
    Red,
    Green,
}

/// <summary>The reference app's REST resource, plus PUT.</summary>
[Rest]
public sealed class ExtendedRestItems : RestItems
{
    public string Put(string value) => "put " + value;
}

/// <summary>The reference app's JSON handlers, plus a typed body.</summary>
public sealed class ExtendedJsonApp : JsonApp
{
    [Exposed, JsonIn]
    public Payload Typed([JsonBody] Payload payload) => payload with { Name = payload.Name + "!" };

    // No [JsonIn]: [JsonBody] switches json_in on by itself.
    [Exposed]
    public Payload Implicit([JsonBody] Payload payload) => payload with { Count = payload.Count * 2 };

    // Declared 'Payload?': the document null reaches it as null, where 'Payload' answers 400.
    [Exposed]
    public Payload Optional([JsonBody] Payload? payload) => payload ?? new Payload("none", 0);
}

public sealed record Payload(string Name, int Count);

[JsonSerializable(typeof(Payload))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ReferenceJsonContext : JsonSerializerContext;
