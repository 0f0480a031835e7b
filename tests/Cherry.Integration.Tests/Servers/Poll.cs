namespace Cherry.Integration.Tests;

/// <summary>Waiting on another party (a server, a background task) by polling with a deadline, never a fixed sleep.</summary>
public static class Poll
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> at the deadline.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>The same, for a condition that asks a server.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}.");
            }
            await Task.Delay(10);
        }
    }
}
