using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Cherry.Infrastructure;

namespace Cherry.Benchmarks;

/// <summary>Resolving a path in the generated 1,111-node tree: the target is zero bytes allocated per lookup.</summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private readonly LargeRoot _root = new();
    private DispatchTree _tree = null!;

    [BenchmarkDotNet.Attributes.Params("/s7/t3/m9", "/s0/t0/m0", "/s9/t9/nope/extra", "/")]
    public string Path { get; set; } = "/";

    [GlobalSetup]
    public void Setup() => _tree = DispatchTreeRegistry.Create<LargeRoot>(new DispatchTreeContext([]));

    [Benchmark]
    public bool Resolve()
    {
        var walker = new PathWalker(Path);
        var match = new HandlerMatch { Method = "GET", VirtualPathStart = -1 };
        return _tree.Resolve(_root, ref walker, ref match);
    }
}

public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Contains("--allocations"))
        {
            await AllocationProfile.RunAsync();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
