using System.Runtime.InteropServices;
using AllocAnalyzers.Runtime.Profiling.Native;
using AllocAnalyzers.Runtime.Profiling.Summary;

namespace AllocAnalyzers.Runtime.Tests.Profiling;

public class NativeAllocationProfilerTests
{
    private static NativeAllocationProfiler EverySample() => new(new NativeProfilerOptions { SamplingRate = 1, Seed = 1 });

    private static IntPtr AllocateBuffer(NativeAllocationProfiler profiler, long size) => profiler.AllocZeroed(size);

    private static IntPtr AllocateHeader(NativeAllocationProfiler profiler) => profiler.Alloc(32);

    [Fact]
    public void Sites_are_the_calling_methods_with_live_and_total_bytes()
    {
        var profiler = EverySample();
        var buffers = Enumerable.Range(0, 10).Select(_ => AllocateBuffer(profiler, 4096)).ToList();
        var headers = Enumerable.Range(0, 5).Select(_ => AllocateHeader(profiler)).ToList();
        foreach (var block in buffers.Take(4).Concat(headers)) profiler.Free(block);

        var sites = profiler.Sites();
        var buffer = Assert.Single(sites, s => s.Member == nameof(AllocateBuffer));
        Assert.Equal(40960, buffer.EstimatedBytes);
        Assert.Equal(6 * 4096, buffer.EstimatedLiveBytes);
        Assert.Equal(6, buffer.EstimatedLiveCount);
        Assert.EndsWith("NativeAllocationProfilerTests.cs", buffer.File);
        var header = Assert.Single(sites, s => s.Member == nameof(AllocateHeader));
        Assert.Equal(160, header.EstimatedBytes);
        Assert.Equal(0, header.EstimatedLiveBytes);
        Assert.Equal(nameof(AllocateBuffer), sites[0].Member); // largest first

        foreach (var block in buffers.Skip(4)) profiler.Free(block);
        Assert.Equal(0, profiler.TrackedBlocks);
    }

    [Fact]
    public void A_free_learns_the_size_from_the_bucket_of_the_site_and_size()
    {
        var profiler = EverySample();
        var sizes = new long[] { 100, 5000, 100, 1 << 20, 77, 5000 };
        var blocks = sizes.Select(size => AllocateBuffer(profiler, size)).ToList();
        profiler.Free(blocks[1]); // 5000
        profiler.Free(blocks[3]); // 1 MiB
        profiler.Free(blocks[0]); // 100

        var site = Assert.Single(profiler.Sites());
        Assert.Equal(sizes.Sum(), site.EstimatedBytes);
        Assert.Equal(100 + 77 + 5000, site.EstimatedLiveBytes);
        Assert.Equal(3, site.EstimatedLiveCount);
        foreach (var i in new[] { 2, 4, 5 }) profiler.Free(blocks[i]);
        Assert.Equal(0, profiler.Sites()[0].EstimatedLiveBytes);
        Assert.Equal(0, profiler.TrackedBlocks);
    }

    [Fact]
    public void Threads_allocating_and_freeing_each_others_blocks_leave_exact_totals()
    {
        var profiler = EverySample();
        const int threads = 4;
        const int perThread = 5_000;
        var handoff = new System.Collections.Concurrent.BlockingCollection<IntPtr>();
        var producers = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++) handoff.Add(AllocateBuffer(profiler, 16 + (i % 7) * 16));
        })).ToArray();
        // Frees happen on other threads than the allocations, in another order.
        var consumers = Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            foreach (var block in handoff.GetConsumingEnumerable()) profiler.Free(block);
        })).ToArray();
        Task.WaitAll(producers);
        handoff.CompleteAdding();
        Task.WaitAll(consumers);

        var site = Assert.Single(profiler.Sites());
        var expected = threads * Enumerable.Range(0, perThread).Sum(i => 16L + (i % 7) * 16);
        Assert.Equal(expected, site.EstimatedBytes);
        Assert.Equal(0, site.EstimatedLiveBytes);
        Assert.Equal(0, profiler.TrackedBlocks);
    }

    [Fact]
    public unsafe void Zeroed_blocks_are_zero_and_blocks_are_usable()
    {
        var profiler = EverySample();
        var block = profiler.AllocZeroed(1 << 16);
        var bytes = new ReadOnlySpan<byte>((void*)block, 1 << 16);
        Assert.True(bytes.IndexOfAnyExcept((byte)0) < 0);
        new Span<byte>((void*)block, 1 << 16).Fill(0xAB);
        block = profiler.Realloc(block, 1 << 17);
        Assert.Equal(0xAB, ((byte*)block)[(1 << 16) - 1]);
        profiler.Free(block);
        profiler.Free(IntPtr.Zero);
    }

    [Fact]
    public void Realloc_frees_the_old_block_and_allocates_at_the_new_site()
    {
        var profiler = EverySample();
        var block = AllocateHeader(profiler);
        block = profiler.Realloc(block, 1000);

        var sites = profiler.Sites();
        Assert.Equal(0, Assert.Single(sites, s => s.Member == nameof(AllocateHeader)).EstimatedLiveBytes);
        var grown = Assert.Single(sites, s => s.Member == nameof(Realloc_frees_the_old_block_and_allocates_at_the_new_site));
        Assert.Equal(1000, grown.EstimatedLiveBytes);
        profiler.Free(block);
    }

    [Fact]
    public void Sampled_estimates_approach_the_real_totals()
    {
        var profiler = new NativeAllocationProfiler(new NativeProfilerOptions { SamplingRate = 16 * 1024, Seed = 9 });
        var live = new List<IntPtr>();
        for (var i = 0; i < 20_000; i++)
        {
            var block = profiler.Alloc(256);
            if (i % 4 == 0) live.Add(block); else profiler.Free(block);
        }

        var site = Assert.Single(profiler.Sites());
        Assert.InRange(site.EstimatedBytes, 20_000 * 256 * 0.9, 20_000 * 256 * 1.1);
        Assert.InRange(site.EstimatedLiveBytes, 5_000 * 256 * 0.8, 5_000 * 256 * 1.2);
        Assert.InRange(site.Samples, 250, 380); // 5.12 MB / 16 KiB = 312
        live.ForEach(profiler.Free);
    }

    [Fact]
    public void The_profiler_reports_bucket_and_address_map_memory()
    {
        var profiler = EverySample();
        var blocks = Enumerable.Range(0, 100).Select(_ => profiler.Alloc(64)).ToList();
        var memory = profiler.Memory;

        Assert.InRange(memory.BucketBytes, 100, 1000); // one site
        Assert.True(memory.AddressMap.Regions >= 1);
        Assert.Equal(100, memory.AddressMap.LiveEntries);
        Assert.Contains("bucketmem", memory.ToString());
        blocks.ForEach(profiler.Free);
    }

    [Fact]
    public void Sampling_off_tracks_nothing()
    {
        var profiler = new NativeAllocationProfiler(new NativeProfilerOptions { SamplingRate = 0 });
        var block = profiler.Alloc(1 << 20);
        Assert.Empty(profiler.Sites());
        profiler.Free(block);
    }

    [Fact]
    public void The_native_heap_is_NativeMemory_on_this_runtime_and_HGlobal_still_works()
    {
        Assert.Equal("NativeMemory", NativeHeaps.Default.Name);
        var profiler = new NativeAllocationProfiler(new NativeProfilerOptions { SamplingRate = 1, Heap = NativeHeaps.HGlobal });
        var block = profiler.AllocZeroed(100);
        Assert.Equal(0, Marshal.ReadByte(block, 99));
        block = profiler.Realloc(block, 200);
        profiler.Free(block);
        Assert.Equal(0, profiler.TrackedBlocks);
    }

    [Fact]
    public void The_shared_profiler_writes_a_site_summary()
    {
        var block = ProfiledNativeMemory.AllocZeroed(4 << 20); // 4 MiB: sampled at any rate near 512 KiB
        var rows = NativeSiteSummary.Rows(ProfiledNativeMemory.Profiler).ToList();
        ProfiledNativeMemory.Free(block);

        var row = Assert.Single(rows, r => r.Method == nameof(The_shared_profiler_writes_a_site_summary));
        Assert.Equal(NativeSiteSummary.NativeType, row.Type);
        Assert.InRange(row.EstimatedBytes, 4 << 20, (4 << 20) + 4096);
    }
}
