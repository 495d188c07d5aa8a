using AllocAnalyzers.Runtime.Profiling.AddressMap;
using AllocAnalyzers.Runtime.Profiling.Sampling;
using Xunit.Abstractions;

namespace AllocAnalyzers.Runtime.Tests.Profiling;

/// <summary>
/// The seed's arithmetic (Go commit baf91c31): a dense array of 2^13 pointers per MiB costs
/// about 64 KiB per MiB of touched address space, 2^8 pointers about 2 KiB; and the tree2 run
/// with an 800 MB heap went from 65,991,392 to 1,988,304 bytes of addrmem.
/// </summary>
public class AddressMapMemoryTests(ITestOutputHelper output)
{
    private const ulong HeapBase = 0x7f12_3400_0000;

    [Theory]
    [InlineData(13, 64 * 1024)]
    [InlineData(8, 2 * 1024)]
    public void A_touched_MiB_costs_the_dense_array_of_pointers(int denseBits, int expectedPerMiB)
    {
        var map = new AddressMap(new AddressMapOptions(12, 20, denseBits));
        const int mebibytes = 256;
        for (ulong mib = 0; mib < mebibytes; mib++) map.Set(HeapBase + (mib << 20) + 0x100, 1);

        var perMiB = (double)map.Memory.RegionBytes / mebibytes;
        output.WriteLine($"dense bits {denseBits}: {perMiB:F0} B per MiB ({map.Memory})");
        // The pointers plus the region object and array headers (64 bytes on 64-bit).
        Assert.InRange(perMiB, expectedPerMiB, expectedPerMiB * 1.05);
    }

    [Fact]
    public void Reported_memory_matches_what_the_GC_allocated()
    {
        foreach (var denseBits in new[] { 8, 13 })
        {
            var map = new AddressMap(new AddressMapOptions(12, 20, denseBits));
            const int bucket = 1;
            var before = GC.GetAllocatedBytesForCurrentThread();
            // 150 regions; three blocks in each of 300 slots: 300 chain nodes, 5 chunks of 64.
            for (ulong i = 0; i < 300; i++)
            {
                for (ulong b = 0; b < 3; b++) map.Set(HeapBase + (i << 19) + 16 * b, bucket);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            var reported = map.Memory.AddressBytes; // plus the chunk directory's doubling, under 1 KiB
            output.WriteLine($"dense bits {denseBits}: reported {reported} B, GC counted {allocated} B");
            Assert.InRange(allocated, reported, reported + 1024);
        }
    }

    [Fact]
    public void The_seed_heap_lands_in_the_seeds_before_and_after_range()
    {
        var before = RunSeedHeap(AddressMapOptions.Go2012Before);
        var after = RunSeedHeap(AddressMapOptions.Default);
        output.WriteLine($"before (2^13 dense): {before}");
        output.WriteLine($"after  (2^8 dense):  {after}");
        output.WriteLine($"Go seed: before 65,991,392 B addrmem, after 1,988,304 B; ratio {65_991_392.0 / 1_988_304:F1}, here {(double)before.AddressBytes / after.AddressBytes:F1}");

        // Go's AddrHash was 16 + 8 * 2^bits bytes; a CLR object and array add 48 bytes of headers,
        // so regions cost 65,600 and 2,112 bytes here against Go's 65,552 and 2,064.
        Assert.InRange(before.AddressBytes, 65_991_392 * 0.90, 65_991_392 * 1.10);
        Assert.InRange(after.AddressBytes, 1_988_304 * 0.90, 1_988_304 * 1.10);
        Assert.InRange((double)before.AddressBytes / after.AddressBytes, 28, 36);
    }

    /// <summary>
    /// A synthetic heap like test/bench/garbage/tree2 -heapsize 800000000: 800 MB stay live while
    /// the program allocates three times that, addresses handed out in order over 1,000 MB of
    /// address space (the live heap plus a quarter of headroom, as a collector reusing freed
    /// space), sampled at Go's default MemProfileRate of 512 KiB. A sampled block is freed when
    /// 800 MB more have been allocated after it.
    /// </summary>
    private static AddressMapMemory RunSeedHeap(AddressMapOptions options)
    {
        const long live = 800_000_000;
        const long space = 1_000_000_000;
        const long total = 3 * space;
        var map = new AddressMap(options);
        var sampler = new PoissonSampler(512 * 1024, seed: 2012);
        var random = new Random(7);
        const int bucket = 1;
        var pending = new Queue<(long allocatedAt, ulong address)>();
        long allocated = 0;
        long cursor = 0;
        while (allocated < total)
        {
            long size = 16 + 16 * random.Next(64); // small tree nodes and slices, 16..1024 B
            if (cursor + size > space) cursor = 0;
            var address = HeapBase + (ulong)cursor;
            if (sampler.ShouldSample(size))
            {
                map.Set(address, bucket);
                pending.Enqueue((allocated, address));
            }

            cursor += size;
            allocated += size;
            while (pending.Count > 0 && pending.Peek().allocatedAt + live < allocated)
            {
                Assert.True(map.TryRemove(pending.Dequeue().address, out _));
            }
        }

        return map.Memory;
    }
}
