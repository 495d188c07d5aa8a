using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Tests.Model.Allocators;

/// <summary>
/// Where glibc's mmap threshold cuts, byte for byte: sysmalloc compares the chunk size
/// (request2size: request + 8, rounded up to 16) with the threshold, and free raises the threshold
/// only for a chunk whose raw size field, IS_MMAPPED bit included, is at most 32 MiB.
/// </summary>
public class GlibcMmapEdgeTests
{
    private const long MiB32 = 32L << 20;
    private const long HighestThreshold = MiB32 - 4096; // the largest page-rounded chunk with size|2 <= 32 MiB
    private const long FirstAlwaysMapped = HighestThreshold - 23; // request2size(this) = 32 MiB - 4 KiB

    private static SimulationReport Loop(long size) =>
        Simulator.Run($"calloc {size}; free x 100", TargetPlatform.Linux, BuiltInProfiles.LinuxReference);

    private static string FirstPath(long size) =>
        Simulator.Run($"calloc {size}", TargetPlatform.Linux, BuiltInProfiles.LinuxReference).Paths.First().Path;

    [Theory]
    [InlineData(FirstAlwaysMapped)]
    [InlineData(MiB32 - 4096)]
    [InlineData(MiB32 - 1)]
    [InlineData(MiB32)]
    public void From_32_MiB_less_4_KiB_every_calloc_is_a_fresh_mmap(long size)
    {
        var r = Loop(size);
        Assert.Equal(0, r.AllocatorZeroedBytes);
        Assert.Equal(200, r.Syscalls); // an mmap and a munmap per iteration
    }

    [Fact]
    public void One_byte_below_the_edge_raises_the_threshold_to_its_highest_and_stays_in_the_memset_band()
    {
        var context = new SimulationContext(BuiltInProfiles.LinuxReference);
        var malloc = new GlibcMalloc(context);
        malloc.Free(malloc.Calloc(FirstAlwaysMapped - 1));
        Assert.Equal(HighestThreshold, malloc.MmapThreshold);

        var r = Loop(FirstAlwaysMapped - 1);
        Assert.True(r.AllocatorZeroedBytes >= 98.0 * (FirstAlwaysMapped - 1), $"zeroed {r.AllocatorZeroedBytes}");
    }

    [Fact]
    public void A_chunk_of_exactly_32_MiB_does_not_raise_the_threshold()
    {
        var context = new SimulationContext(BuiltInProfiles.LinuxReference);
        var malloc = new GlibcMalloc(context);
        malloc.Free(malloc.Calloc(FirstAlwaysMapped)); // chunk 32 MiB - 4 KiB, mapped 32 MiB: field 32 MiB | 2
        Assert.Equal(GlibcTunables.MmapThresholdMin, malloc.MmapThreshold);
    }

    [Theory]
    [InlineData(128 * 1024 - 24, false)] // request2size = 128 KiB - 16
    [InlineData(128 * 1024 - 23, true)]  // request2size = 128 KiB: at the default threshold
    [InlineData(128 * 1024, true)]
    public void The_default_128_KiB_threshold_is_met_by_the_chunk_size(long size, bool mapped)
    {
        Assert.Equal(mapped, FirstPath(size).StartsWith("mmap", StringComparison.Ordinal));
    }
}
