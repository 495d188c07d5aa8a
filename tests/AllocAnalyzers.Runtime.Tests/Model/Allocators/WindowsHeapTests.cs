using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Tests.Model.Allocators;

public class WindowsHeapTests
{
    private static (WindowsHeap Heap, SimulationContext Context) New()
    {
        var context = new SimulationContext(BuiltInProfiles.WindowsDerived);
        return (new WindowsHeap(context), context);
    }

    [Fact]
    public void Heap_zero_memory_clears_blocks_below_the_threshold_every_time()
    {
        var (heap, context) = New();
        for (int i = 0; i < 3; i++) heap.Free(heap.Calloc(512 * 1024));
        Assert.InRange(context.Ledger.Totals.AllocatorZeroedBytes, 3.0 * 512 * 1024, 3.0 * 512 * 1024 + 100);
    }

    [Fact]
    public void Blocks_above_the_threshold_come_from_VirtualAlloc_and_are_not_cleared()
    {
        var (heap, context) = New();
        for (int i = 0; i < 3; i++) heap.Free(heap.Calloc(WindowsHeap.VirtualAllocThreshold + 1));
        Assert.Equal(0, context.Ledger.Totals.AllocatorZeroedBytes);
        Assert.Equal(6, context.Ledger.Totals.Syscalls);
    }
}
