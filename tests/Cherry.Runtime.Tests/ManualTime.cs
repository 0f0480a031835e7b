namespace Cherry.Runtime.Tests;

/// <summary>A clock the test sets: stores, counters and tools read it instead of the machine's.</summary>
internal sealed class ManualTime : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
