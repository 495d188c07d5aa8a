using AllocAnalyzers.Tool.Calibration;

namespace AllocAnalyzers.Tool.Tests.Calibration;

/// <summary>Each derivation inverts the model's formula: feed it timings built from known costs, get them back.</summary>
public class CalibrationMathTests
{
    [Fact]
    public void Large_allocation_fixed_cost_is_what_the_gen2_share_leaves()
    {
        var loop = new LoopTiming(7e-6 + 0.031 * 50e-6, 0, 0.031);
        Assert.Equal(7e-6, CalibrationMath.LargeAllocationFixed(loop, 50e-6), 1e-12);
        // Noise that leaves nothing never gives less than 50 ns.
        Assert.Equal(50e-9, CalibrationMath.LargeAllocationFixed(new LoopTiming(1e-6, 0, 0.5), 50e-6));
    }

    [Fact]
    public void Small_allocation_is_the_rest_of_the_loop()
    {
        var loop = new LoopTiming(60e-9, 1.0 / 16_000, 0);
        Assert.Equal(60e-9 - 8e-9 - 20e-6 / 16_000, CalibrationMath.SmallAllocation(loop, 8e-9, 20e-6), 1e-15);
        Assert.Equal(1e-9, CalibrationMath.SmallAllocation(new LoopTiming(1e-9, 0, 0), 8e-9, 0));
    }

    [Fact]
    public void Small_slow_path_is_what_the_fast_path_does_not_explain()
    {
        var loop = new LoopTiming(300e-9, 0, 0);
        Assert.Equal(300e-9 - 200e-9 - 15e-9, CalibrationMath.SmallSlowPath(loop, 200e-9, 0, 15e-9), 1e-15);
        Assert.Equal(0, CalibrationMath.SmallSlowPath(new LoopTiming(100e-9, 0, 0), 200e-9, 0, 15e-9));
    }

    [Fact]
    public void Unmap_share_and_per_page_cost()
    {
        Assert.Equal(0.5e-6, CalibrationMath.UnmapPerResidentPage(2e-6 + 16384 * 0.5e-6, 2e-6, 64L << 20), 1e-12);
        Assert.Equal(0, CalibrationMath.UnmapPerResidentPage(1e-6, 2e-6, 64L << 20));
        Assert.Equal(5e-6, CalibrationMath.UnmapShare(10e-6, 1.5e-6, 2.4e-6, 0.5e-6, 0.3e-6, 1.7e-6), 1e-12);
        Assert.Equal(1.7e-6, CalibrationMath.UnmapShare(3e-6, 1.5e-6, 2.4e-6, 0.5e-6, 0, 1.7e-6), 1e-12);
    }

    [Fact]
    public void Bytes_per_collection()
    {
        Assert.Equal(32L << 20, CalibrationMath.BytesPerCollection(1 << 20, 1.0 / 32, 0));
        Assert.Equal(7, CalibrationMath.BytesPerCollection(1 << 20, 0, 7));
    }
}
