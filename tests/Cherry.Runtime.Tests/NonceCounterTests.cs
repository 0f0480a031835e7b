namespace Cherry.Runtime.Tests;

/// <summary>The in-process nonce counter: counts must grow per nonce, and a sweep forgets only expired nonces.</summary>
public sealed class NonceCounterTests
{
    [Fact]
    public async Task A_count_is_accepted_only_when_it_grows()
    {
        var counter = new MemoryNonceCounter();
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);
        Assert.True(await counter.AdvanceAsync("n", 1, expires, default));
        Assert.False(await counter.AdvanceAsync("n", 1, expires, default));
        Assert.True(await counter.AdvanceAsync("n", 3, expires, default));
        Assert.False(await counter.AdvanceAsync("n", 2, expires, default));
        Assert.True(await counter.AdvanceAsync("other", 1, expires, default));
    }

    [Fact]
    public async Task Once_the_table_grows_past_its_sweep_size_expired_nonces_are_forgotten_and_live_ones_kept()
    {
        var time = new ManualTime();
        var counter = new MemoryNonceCounter(time);
        Assert.True(await counter.AdvanceAsync("expired", 1, time.Now.AddSeconds(1), default));
        Assert.True(await counter.AdvanceAsync("at its expiry", 1, time.Now.AddSeconds(2), default));
        Assert.True(await counter.AdvanceAsync("live", 1, time.Now.AddMinutes(10), default));
        time.Now = time.Now.AddSeconds(2);
        // Below the first sweep's size nothing is swept: the expired nonce is still refused a repeated count.
        Assert.False(await counter.AdvanceAsync("expired", 1, time.Now, default));
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(await counter.AdvanceAsync("filler " + i, 1, time.Now.AddMinutes(10), default));
        }
        // The table now holds more than 10,000 nonces: this call sweeps first.
        Assert.True(await counter.AdvanceAsync("expired", 1, time.Now.AddMinutes(10), default));
        Assert.False(await counter.AdvanceAsync("at its expiry", 1, time.Now.AddMinutes(10), default));
        Assert.False(await counter.AdvanceAsync("live", 1, time.Now.AddMinutes(10), default));
        Assert.False(await counter.AdvanceAsync("filler 0", 1, time.Now.AddMinutes(10), default));
    }
}
