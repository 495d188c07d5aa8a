using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Tests.Model;

/// <summary>Invariants checked over many random (seeded, deterministic) operation sequences.</summary>
public class PropertyTests
{
    public static IEnumerable<object[]> Cases() =>
        from platform in Enum.GetValues<TargetPlatform>()
        from seed in Enumerable.Range(1, 20)
        select new object[] { platform, seed };

    private static INativeAllocator Create(TargetPlatform platform, SimulationContext context) =>
        Simulator.CreateAllocator(platform, context, SimulationOptions.Default);

    private static long RandomSize(Random random) => random.Next(4) switch
    {
        0 => random.Next(1, 2048),
        1 => random.Next(2048, 256 * 1024),
        2 => random.Next(256 * 1024, 40 << 20),
        _ => random.NextInt64(40L << 20, 300L << 20),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bytes_zeroed_never_exceed_bytes_requested_plus_overhead(TargetPlatform platform, int seed)
    {
        var random = new Random(seed);
        var context = new SimulationContext(BuiltInProfiles.For(platform));
        var allocator = Create(platform, context);
        var live = new List<NativeBlock>();
        double allowed = 0;
        for (int i = 0; i < 60; i++)
        {
            if (live.Count > 0 && random.Next(3) == 0)
            {
                int at = random.Next(live.Count);
                allocator.Free(live[at]);
                live.RemoveAt(at);
                continue;
            }

            long size = RandomSize(random);
            double before = context.Ledger.Totals.AllocatorZeroedBytes;
            var block = random.Next(2) == 0 ? allocator.Calloc(size) : allocator.Malloc(size);
            double zeroed = context.Ledger.Totals.AllocatorZeroedBytes - before;
            // Overhead: alignment and headers, page rounding, and a reused cache block of under twice the request.
            double limit = platform == TargetPlatform.MacOS ? 2.0 * size + 4096 : size + 4096;
            Assert.True(zeroed <= limit, $"op {i}: zeroed {zeroed} for a request of {size}");
            allowed += limit;
            live.Add(block);
        }

        Assert.True(context.Ledger.Totals.AllocatorZeroedBytes <= allowed);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Freeing_everything_returns_resident_memory_to_its_start(TargetPlatform platform, int seed)
    {
        var random = new Random(seed);
        var context = new SimulationContext(BuiltInProfiles.For(platform));
        var allocator = Create(platform, context);
        long start = context.Memory.ResidentBytes;
        var live = new List<NativeBlock>();
        for (int i = 0; i < 40; i++)
        {
            // Large blocks only: small ones stay in the allocator's regions or heap, as they do for real.
            long size = random.NextInt64(1L << 20, 200L << 20);
            var block = random.Next(2) == 0 ? allocator.Calloc(size) : allocator.Malloc(size);
            context.Write(block.Mapping, block.Offset, Math.Min(block.Usable, random.NextInt64(1, size)));
            live.Add(block);
            if (random.Next(3) == 0)
            {
                int at = random.Next(live.Count);
                allocator.Free(live[at]);
                live.RemoveAt(at);
            }
        }

        foreach (var b in live) allocator.Free(b);
        if (allocator is Libmalloc mac) mac.DrainCache();
        // glibc keeps the top chunk while it is under the trim threshold (then trims down to top_pad);
        // libmalloc and the Windows heap give everything back.
        long kept = allocator is GlibcMalloc glibc ? glibc.TrimThreshold + GlibcTunables.TopPad : 0;
        Assert.InRange(context.Memory.ResidentBytes - start, 0, kept + 2 * 4096);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Costs_and_counters_are_never_negative_and_runs_are_deterministic(TargetPlatform platform, int seed)
    {
        var random = new Random(seed);
        string[] ops = { "calloc", "malloc" };
        var parts = Enumerable.Range(0, 5).Select(_ => $"{ops[random.Next(2)]} {RandomSize(random)}; touch {random.Next(1, 100000)}; free");
        string trace = "(" + string.Join("; ", parts) + "; new 100KiB; rent 1MiB; return) x 3000";
        var a = Simulator.Run(trace, platform, BuiltInProfiles.For(platform));
        var b = Simulator.Run(trace, platform, BuiltInProfiles.For(platform));
        Assert.Equal(a.Seconds, b.Seconds);
        Assert.True(a.Seconds >= 0 && a.AllocatorZeroedBytes >= 0 && a.PageFaults >= 0 && a.Syscalls >= 0);
        Assert.All(a.Paths, p => Assert.True(p.Count > 0 && p.Seconds >= -1e-12, $"{p.Operation}: {p.Path} {p.Count} {p.Seconds}"));
    }
}
