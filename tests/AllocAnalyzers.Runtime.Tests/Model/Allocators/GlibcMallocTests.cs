using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Tests.Model.Allocators;

public class GlibcMallocTests
{
    private static (GlibcMalloc Malloc, SimulationContext Context) New(long? threshold = null)
    {
        var context = new SimulationContext(BuiltInProfiles.LinuxReference);
        return (new GlibcMalloc(context, threshold), context);
    }

    [Fact]
    public void First_calloc_at_the_threshold_is_mmapped_and_not_cleared()
    {
        var (malloc, context) = New();
        var block = malloc.Calloc(128 * 1024);
        Assert.Equal(0, context.Ledger.Totals.AllocatorZeroedBytes);
        Assert.Equal(1, context.Ledger.Totals.Syscalls);
        Assert.True(block.Usable >= 128 * 1024);
    }

    [Fact]
    public void Freeing_an_mmapped_chunk_raises_the_threshold_to_its_size()
    {
        var (malloc, _) = New();
        malloc.Free(malloc.Calloc(1 << 20));
        Assert.Equal((1 << 20) + 4096, malloc.MmapThreshold);
        Assert.Equal(2 * malloc.MmapThreshold, malloc.TrimThreshold);
    }

    [Fact]
    public void The_threshold_never_rises_above_32_MiB()
    {
        var (malloc, _) = New();
        malloc.Free(malloc.Calloc(100L << 20));
        Assert.Equal(GlibcTunables.MmapThresholdMin, malloc.MmapThreshold);
        Assert.Equal(32L << 20, GlibcTunables.MmapThresholdMax);
    }

    [Fact]
    public void A_fixed_threshold_is_not_raised()
    {
        var (malloc, _) = New(threshold: 128 * 1024);
        malloc.Free(malloc.Calloc(16 << 20));
        Assert.Equal(128 * 1024, malloc.MmapThreshold);
    }

    [Fact]
    public void Calloc_from_a_grown_top_clears_only_the_old_part()
    {
        var (malloc, context) = New();
        malloc.Free(malloc.Calloc(1 << 20)); // raises the threshold; the heap is still empty
        malloc.Calloc(1 << 20);              // heap grows by sbrk: fresh memory, nothing old to clear
        Assert.Equal(0, context.Ledger.Totals.AllocatorZeroedBytes);
    }

    [Fact]
    public void Calloc_of_reused_heap_memory_is_cleared_in_full()
    {
        var (malloc, context) = New();
        malloc.Free(malloc.Calloc(1 << 20));
        malloc.Free(malloc.Calloc(1 << 20));
        malloc.Calloc(1 << 20);
        Assert.InRange(context.Ledger.Totals.AllocatorZeroedBytes, 1 << 20, (1 << 20) + 64);
    }

    [Fact]
    public void Malloc_never_clears()
    {
        var (malloc, context) = New();
        for (int i = 0; i < 5; i++) malloc.Free(malloc.Malloc(1 << 20));
        Assert.Equal(0, context.Ledger.Totals.AllocatorZeroedBytes);
    }

    [Fact]
    public void Small_blocks_come_from_the_heap_and_coalesce_back_into_the_top()
    {
        var (malloc, context) = New();
        var a = malloc.Malloc(100);
        var b = malloc.Malloc(200);
        Assert.Equal(a.Mapping, b.Mapping);
        Assert.True(b.Offset > a.Offset);
        malloc.Free(b);
        malloc.Free(a);
        var c = malloc.Malloc(250);
        Assert.Equal(a.Offset, c.Offset);
        Assert.Equal(1, context.Ledger.Totals.Syscalls); // one brk
    }

    [Fact]
    public void Large_free_above_the_trim_threshold_trims_the_heap()
    {
        var (malloc, context) = New(threshold: 64L << 20);
        var block = malloc.Malloc(8 << 20);
        context.Write(block.Mapping, block.Offset, block.Requested);
        long resident = context.Memory.ResidentBytes;
        malloc.Free(block);
        Assert.True(context.Memory.ResidentBytes < resident / 4, $"resident {context.Memory.ResidentBytes} of {resident}");
    }

    [Theory]
    [InlineData(1L << 20)]
    [InlineData(16L << 20)]
    [InlineData(31L << 20)]
    public void Band_between_128_KiB_and_32_MiB_is_memset_every_time_after_the_first_free(long size)
    {
        var r = Simulator.Run($"calloc {size}; free x 100", TargetPlatform.Linux, BuiltInProfiles.LinuxReference);
        // Iteration 1 is mmapped, 2 carves fresh sbrk memory; 3..100 each clear the whole chunk.
        Assert.InRange(r.AllocatorZeroedBytes, 98.0 * size, 98.0 * (size + 64));
        double memset = BuiltInProfiles.LinuxReference.ZeroingSeconds(size);
        Assert.InRange(r.Seconds / 100, memset * 0.9, memset * 1.2);
    }

    [Theory]
    [InlineData(33L << 20)]
    [InlineData(100L << 20)]
    public void Above_32_MiB_every_calloc_is_a_fresh_mmap(long size)
    {
        var r = Simulator.Run($"calloc {size}; free x 100", TargetPlatform.Linux, BuiltInProfiles.LinuxReference);
        Assert.Equal(0, r.AllocatorZeroedBytes);
        Assert.Equal(200, r.Syscalls);
    }
}
