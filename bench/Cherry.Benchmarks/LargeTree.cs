using Cherry;

namespace Cherry.Benchmarks;

// A tree of 1,111 nodes: the root, 10 sections, 100 sub-sections and 1,000 handlers (10 x 10 x 10).
// Written out by hand-rolled repetition because the generator needs real members to compile into switches.

public sealed class LargeRoot
{
    public Section S0 { get; } = new(); public Section S1 { get; } = new(); public Section S2 { get; } = new();
    public Section S3 { get; } = new(); public Section S4 { get; } = new(); public Section S5 { get; } = new();
    public Section S6 { get; } = new(); public Section S7 { get; } = new(); public Section S8 { get; } = new();
    public Section S9 { get; } = new();

    [Exposed] public string Index() => "root";
}

public sealed class Section
{
    public Leaves T0 { get; } = new(); public Leaves T1 { get; } = new(); public Leaves T2 { get; } = new();
    public Leaves T3 { get; } = new(); public Leaves T4 { get; } = new(); public Leaves T5 { get; } = new();
    public Leaves T6 { get; } = new(); public Leaves T7 { get; } = new(); public Leaves T8 { get; } = new();
    public Leaves T9 { get; } = new();
}

public sealed class Leaves
{
    [Exposed] public string M0(int id = 0) => "m0"; [Exposed] public string M1(int id = 0) => "m1";
    [Exposed] public string M2(int id = 0) => "m2"; [Exposed] public string M3(int id = 0) => "m3";
    [Exposed] public string M4(int id = 0) => "m4"; [Exposed] public string M5(int id = 0) => "m5";
    [Exposed] public string M6(int id = 0) => "m6"; [Exposed] public string M7(int id = 0) => "m7";
    [Exposed] public string M8(int id = 0) => "m8"; [Exposed] public string M9(int id = 0) => "m9";
}

internal static class Mounting
{
    // Never called: it tells the generator that LargeRoot is a root, as an app's MapCherry call would.
    public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => endpoints.MapCherry<LargeRoot>("/");
}
