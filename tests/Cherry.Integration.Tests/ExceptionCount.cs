using System.Runtime.ExceptionServices;

namespace Cherry.Integration.Tests;

/// <summary>
/// Counts the exceptions thrown in this process (the servers run in it) whose message carries a marker only the test's
/// input has, so that the other tests running beside it do not count: the oracle for "no exception per element".
/// </summary>
internal sealed class ExceptionCount : IDisposable
{
    private readonly string _marker;
    private int _count;

    public ExceptionCount(string marker)
    {
        _marker = marker;
        AppDomain.CurrentDomain.FirstChanceException += OnThrown;
    }

    public int Count => Volatile.Read(ref _count);

    private void OnThrown(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (e.Exception.Message.Contains(_marker, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnThrown;
}
