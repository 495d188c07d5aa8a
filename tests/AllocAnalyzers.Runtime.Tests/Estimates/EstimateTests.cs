using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Estimates;

namespace AllocAnalyzers.Runtime.Tests.Estimates;

public class EstimateTests
{
    private static readonly CostProfile Linux = BuiltInProfiles.LinuxReference;

    [Fact]
    public void MacOS_calloc_free_of_100_MiB_explains_the_cache_hit()
    {
        var e = NativeAllocationCosts.RepeatedCallocFree(100L << 20, TargetPlatform.MacOS, BuiltInProfiles.MacOS2016Seed);
        Assert.Equal(100L << 20, e.BytesZeroed);
        Assert.StartsWith("macOS libmalloc (libmalloc-116): served from the large-block cache: bzero 100 MiB", e.Explanation);
        Assert.InRange(e.Seconds, 0.03, 0.07);
    }

    [Fact]
    public void Linux_calloc_free_of_100_MiB_is_an_mmap_and_zeroes_nothing_by_the_allocator()
    {
        var e = NativeAllocationCosts.RepeatedCallocFree(100L << 20, TargetPlatform.Linux, Linux);
        Assert.StartsWith("glibc malloc: mmap", e.Explanation);
        Assert.True(e.BytesZeroed <= 4096, $"{e.BytesZeroed}"); // the chunk header's page
        Assert.True(e.Seconds < 20e-6);
    }

    [Fact]
    public void Linux_calloc_free_of_1_MiB_costs_a_memset()
    {
        var e = NativeAllocationCosts.RepeatedCallocFree(1 << 20, TargetPlatform.Linux, Linux);
        Assert.InRange(e.BytesZeroed, 1 << 20, (1 << 20) + 64);
        Assert.Contains("memset 1 MiB", e.Explanation);
    }

    [Fact]
    public void Malloc_free_clears_nothing()
    {
        foreach (var platform in Enum.GetValues<TargetPlatform>())
        {
            var e = NativeAllocationCosts.RepeatedMallocFree(100L << 20, platform, BuiltInProfiles.For(platform));
            Assert.True(e.BytesZeroed <= 4096, $"{platform}: {e.BytesZeroed}");
        }
    }

    [Fact]
    public void Managed_estimates_order_like_the_runtime()
    {
        long mib = 1 << 20;
        var alloc = ManagedAllocationCosts.RepeatedArrayAllocation(mib, Linux);
        var clear = ManagedAllocationCosts.Clear(mib, Linux);
        var uninit = ManagedAllocationCosts.UninitializedArrayAllocation(mib, Linux);
        var pooled = ManagedAllocationCosts.PooledRent(mib, Linux);
        Assert.True(alloc.LargeObjectHeap);
        Assert.Contains("gen 2 collection every", alloc.Explanation);
        Assert.True(alloc.Seconds > clear.Seconds && clear.Seconds > pooled.Seconds, $"{alloc.Seconds} {clear.Seconds} {pooled.Seconds}");
        Assert.True(uninit.Seconds < alloc.Seconds);
        Assert.Equal(0, pooled.BytesZeroed);
        Assert.Equal(mib, clear.BytesZeroed);
    }

    [Fact]
    public void Small_array_estimate_is_not_on_the_LOH_and_takes_no_faults()
    {
        var e = ManagedAllocationCosts.RepeatedArrayAllocation(1024, Linux);
        Assert.False(e.LargeObjectHeap);
        // Steady state: the allocation, a 1 KiB clear and a share of gen 0 — no first-touch faults (gen 0 is warm).
        Assert.InRange(e.Seconds, 1e-9, 100e-9);
        Assert.InRange(e.BytesZeroed, 1024, 1100);
    }

    [Fact]
    public void Estimates_tolerate_odd_sizes()
    {
        Assert.InRange(ManagedAllocationCosts.RepeatedArrayAllocation(-1, Linux).BytesZeroed, 0, 64); // just the array header
        Assert.True(NativeAllocationCosts.RepeatedCallocFree(long.MaxValue, TargetPlatform.MacOS, Linux).Seconds >= 0);
        Assert.True(NativeAllocationCosts.RepeatedCallocFree(0, TargetPlatform.Linux, Linux).Seconds >= 0);
    }
}
