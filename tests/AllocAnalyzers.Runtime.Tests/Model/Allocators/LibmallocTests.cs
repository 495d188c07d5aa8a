using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Tests.Model.Allocators;

public class LibmallocTests
{
    private static (Libmalloc Malloc, SimulationContext Context) New(LibmallocConfig? config = null)
    {
        var context = new SimulationContext(BuiltInProfiles.MacOS2016Seed);
        return (new Libmalloc(context, config ?? LibmallocConfig.Libmalloc116), context);
    }

    [Fact]
    public void Libmalloc116_limits_match_the_source()
    {
        var c = LibmallocConfig.Libmalloc116;
        Assert.Equal(16, c.CacheEntries);
        Assert.Equal(0x80000000L, c.CacheTotalLimit);
        Assert.Equal(0x80000000L / 16, c.CacheEntryLimit);
        Assert.Equal(127 * 1024, c.LargeMin);
    }

    [Fact]
    public void Cache_miss_maps_fresh_pages_and_clears_nothing()
    {
        var (malloc, context) = New();
        malloc.Calloc(10 << 20);
        Assert.Equal(0, context.Ledger.Totals.AllocatorZeroedBytes);
    }

    [Fact]
    public void Cache_hit_calloc_bzeroes_the_whole_cached_block()
    {
        var (malloc, context) = New();
        malloc.Free(malloc.Calloc(10 << 20));
        malloc.Calloc(7 << 20); // fits: 10 MiB < 2 × 7 MiB
        Assert.Equal(10 << 20, context.Ledger.Totals.AllocatorZeroedBytes);
    }

    [Fact]
    public void A_block_more_than_twice_the_request_is_not_reused()
    {
        var (malloc, context) = New();
        malloc.Free(malloc.Calloc(10 << 20));
        malloc.Calloc(4 << 20);
        Assert.Equal(0, context.Ledger.Totals.AllocatorZeroedBytes);
    }

    [Fact]
    public void Malloc_cache_hit_is_not_cleared()
    {
        var (malloc, context) = New();
        malloc.Free(malloc.Malloc(10 << 20));
        malloc.Malloc(10 << 20);
        Assert.Equal(0, context.Ledger.Totals.AllocatorZeroedBytes);
    }

    [Fact]
    public void The_cache_holds_at_most_its_entry_count()
    {
        var (malloc, context) = New();
        var blocks = Enumerable.Range(0, 20).Select(_ => malloc.Malloc(1 << 20)).ToList();
        double before = context.Ledger.Totals.Syscalls;
        foreach (var b in blocks) malloc.Free(b);
        // 20 madvise calls, and 4 evictions (munmap) once 16 entries are cached.
        Assert.Equal(24, context.Ledger.Totals.Syscalls - before);
    }

    [Fact]
    public void The_cache_total_limit_evicts_old_entries()
    {
        var (malloc, context) = New();
        var blocks = Enumerable.Range(0, 20).Select(_ => malloc.Malloc(120L << 20)).ToList();
        foreach (var b in blocks) malloc.Free(b);
        // 2 GiB / 120 MiB: at most 17 fit by bytes, 16 by count.
        Assert.True(context.Memory.MappingCount <= 17, $"{context.Memory.MappingCount} mappings");
    }

    [Fact]
    public void Disabled_cache_behaves_like_linux()
    {
        var off = new LibmallocConfig("no cache", 1008, 127 * 1024 - 1, 0, 16, 128L << 20, 2L << 30, cacheEnabled: false);
        var r = Simulator.Run("calloc 100MiB; free x 100", TargetPlatform.MacOS, BuiltInProfiles.MacOS2016Seed, new SimulationOptions { MacOS = off });
        Assert.Equal(0, r.AllocatorZeroedBytes);
    }

    [Fact]
    public void Modern_large_memory_mac_caches_up_to_512_MiB()
    {
        var options = new SimulationOptions { MacOS = LibmallocConfig.ModernLargeMemory };
        var r = Simulator.Run("calloc 400MiB; free x 10", TargetPlatform.MacOS, BuiltInProfiles.MacOS2016Seed, options);
        Assert.Equal(9.0 * (400L << 20), r.AllocatorZeroedBytes);
        var small = Simulator.Run("calloc 400MiB; free x 10", TargetPlatform.MacOS, BuiltInProfiles.MacOS2016Seed);
        Assert.Equal(0, small.AllocatorZeroedBytes);
    }

    [Fact]
    public void Tiny_calloc_clears_the_block()
    {
        var (malloc, context) = New();
        malloc.Calloc(100);
        Assert.Equal(112, context.Ledger.Totals.AllocatorZeroedBytes);
    }
}
