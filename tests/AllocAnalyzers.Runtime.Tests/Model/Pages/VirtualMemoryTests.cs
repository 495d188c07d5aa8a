using AllocAnalyzers.Runtime.Model.Pages;

namespace AllocAnalyzers.Runtime.Tests.Model.Pages;

public class VirtualMemoryTests
{
    [Fact]
    public void Mapping_is_demand_zero_nothing_resident_until_written()
    {
        var vm = new VirtualMemory();
        int m = vm.Map(100L << 20);
        Assert.Equal(0, vm.ResidentBytes);
        Assert.Equal(4, vm.Write(m, 0, 16 * 1024));
        Assert.Equal(16 * 1024, vm.ResidentBytes);
        Assert.Equal(0, vm.Write(m, 0, 16 * 1024));
    }

    [Fact]
    public void Reads_map_the_zero_page_and_a_later_write_still_faults()
    {
        var vm = new VirtualMemory();
        int m = vm.Map(1 << 20);
        Assert.Equal(256, vm.Read(m, 0, 1 << 20));
        Assert.Equal(0, vm.Read(m, 0, 1 << 20));
        Assert.Equal(0, vm.ResidentBytes);
        Assert.Equal(256, vm.Write(m, 0, 1 << 20)); // copy on write of the zero page
    }

    [Fact]
    public void Partial_pages_fault_whole_pages()
    {
        var vm = new VirtualMemory();
        int m = vm.Map(3 * 4096);
        Assert.Equal(2, vm.Write(m, 4000, 200));
    }

    [Fact]
    public void Unmap_and_decommit_release_resident_pages()
    {
        var vm = new VirtualMemory();
        int a = vm.Map(1 << 20), b = vm.Map(1 << 20);
        vm.Write(a, 0, 1 << 20);
        vm.Write(b, 0, 1 << 20);
        Assert.Equal(256, vm.Decommit(a, 0, 1 << 20));
        Assert.Equal(256, vm.Unmap(b));
        Assert.Equal(0, vm.ResidentBytes);
        Assert.Equal(2 << 20, vm.PeakResidentBytes);
        Assert.Equal(256, vm.Write(a, 0, 1 << 20)); // decommitted pages fault again
    }

    [Fact]
    public void Shrinking_a_mapping_releases_the_pages_cut_off()
    {
        var vm = new VirtualMemory();
        int m = vm.Map(1 << 20);
        vm.Write(m, 0, 1 << 20);
        Assert.Equal(128, vm.Resize(m, 512 * 1024));
        Assert.Equal(512 * 1024, vm.ResidentBytes);
    }

    [Fact]
    public void Access_outside_a_mapping_throws()
    {
        var vm = new VirtualMemory();
        int m = vm.Map(4096);
        Assert.Throws<ArgumentOutOfRangeException>(() => vm.Write(m, 0, 8192));
    }

    [Fact]
    public void PageSet_merges_and_splits_runs()
    {
        var vm = new VirtualMemory();
        int m = vm.Map(100 * 4096);
        vm.Write(m, 0, 10 * 4096);
        vm.Write(m, 20 * 4096, 10 * 4096);
        Assert.Equal(10, vm.Write(m, 5 * 4096, 20 * 4096)); // fills the gap only
        Assert.Equal(10, vm.Decommit(m, 10 * 4096, 10 * 4096));
        Assert.Equal(20, vm.ResidentPages);
    }
}
