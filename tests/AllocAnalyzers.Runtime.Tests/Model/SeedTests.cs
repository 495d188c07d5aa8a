using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Tests.Model;

/// <summary>The calloc story: 10,000 × calloc(100 MiB)/free on Linux and macOS.</summary>
public class SeedTests
{
    private const string Seed = "calloc 100MiB; free x 10000";

    [Fact]
    public void Linux_glibc_zeroes_nothing_and_is_fast()
    {
        var r = Simulator.Run(Seed, TargetPlatform.Linux, BuiltInProfiles.LinuxReference);
        Assert.Equal(0, r.AllocatorZeroedBytes);
        Assert.True(r.Seconds < 1, $"took {r.Seconds} s");
        Assert.Contains(r.Paths, p => p.Path.StartsWith("mmap", StringComparison.Ordinal));
    }

    [Fact]
    public void MacOS_bzeroes_the_whole_block_on_every_cache_hit_and_takes_minutes()
    {
        var r = Simulator.Run(Seed, TargetPlatform.MacOS, BuiltInProfiles.MacOS2016Seed);
        // The first calloc maps fresh pages; the other 9,999 are cache hits.
        Assert.Equal(9_999.0 * (100L << 20), r.AllocatorZeroedBytes, precision: 0);
        Assert.InRange(r.Seconds, 6 * 60, 10 * 60);
        double hits = r.Paths.Where(p => p.Path.StartsWith("served from the large-block cache: bzero 100 MiB", StringComparison.Ordinal)).Sum(p => p.Count);
        Assert.Equal(9_999, hits, precision: 3);
    }

    [Fact]
    public void MacOS_at_1000_MiB_is_above_the_cache_entry_limit_and_zeroes_nothing()
    {
        var r = Simulator.Run("calloc 1000MiB; free x 10000", TargetPlatform.MacOS, BuiltInProfiles.MacOS2016Seed);
        Assert.Equal(0, r.AllocatorZeroedBytes);
        Assert.True(r.Seconds < 1, $"took {r.Seconds} s");
    }

    [Fact]
    public void Windows_uses_VirtualAlloc_and_zeroes_nothing()
    {
        var r = Simulator.Run(Seed, TargetPlatform.Windows, BuiltInProfiles.WindowsDerived);
        Assert.Equal(0, r.AllocatorZeroedBytes);
    }
}
