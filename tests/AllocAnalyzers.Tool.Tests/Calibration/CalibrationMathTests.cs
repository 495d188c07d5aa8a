using AllocAnalyzers.Tool.Calibration;

namespace AllocAnalyzers.Tool.Tests.Calibration;

/// <summary>Each derivation inverts the model's formula: feed it timings built from known costs, get them back.</summary>
public class CalibrationMathTests
{
    [Fact]
    public void Large_allocation_fit_recovers_fixed_and_per_byte_costs()
    {
        const double A = 2e-6, H = 14e-6 / (1 << 20), G = 50e-6;
        var small = new LoopTiming(A + 0.031 * G + H * 100_024, 0, 0.031);
        var large = new LoopTiming(A + 0.040 * G + H * 1_048_600, 0, 0.040);
        var (fixedSeconds, perByte) = CalibrationMath.LargeAllocationFit(small, 100_024, large, 1_048_600, G);
        Assert.Equal(A, fixedSeconds, 1e-12);
        Assert.Equal(H, perByte, 1e-18);
    }

    [Fact]
    public void Large_allocation_fit_clamps_impossible_results()
    {
        var small = new LoopTiming(10e-6, 0, 0);
        var large = new LoopTiming(5e-6, 0, 0); // faster for more bytes: noise
        var (fixedSeconds, perByte) = CalibrationMath.LargeAllocationFit(small, 100_000, large, 1 << 20, 0);
        Assert.Equal(0, perByte);
        Assert.Equal(10e-6, fixedSeconds, 1e-12);
        Assert.Throws<ArgumentException>(() => CalibrationMath.LargeAllocationFit(small, 10, large, 10, 0));
    }

    [Fact]
    public void Large_clear_bandwidth_is_what_the_uninitialized_model_leaves()
    {
        const long Bytes = 1 << 20;
        var zeroed = new LoopTiming(1e-6 + 0.05 * 40e-6 + 10e-6 + 70e-6, 0, 0.05);
        double bandwidth = CalibrationMath.LargeClearBandwidth(zeroed, Bytes, 1e-6, 10e-6 / Bytes, 40e-6, 160e9);
        Assert.Equal(Bytes / 70e-6, bandwidth, 1);
        // Never faster than memset, even if noise leaves nothing for the clear.
        Assert.Equal(160e9, CalibrationMath.LargeClearBandwidth(new LoopTiming(1e-6, 0, 0), Bytes, 1e-6, 0, 0, 160e9), 1);
    }

    [Fact]
    public void Small_allocation_is_the_rest_of_the_loop()
    {
        var loop = new LoopTiming(60e-9, 1.0 / 16_000, 0);
        Assert.Equal(60e-9 - 8e-9 - 20e-6 / 16_000, CalibrationMath.SmallAllocation(loop, 8e-9, 20e-6), 1e-15);
        Assert.Equal(1e-9, CalibrationMath.SmallAllocation(new LoopTiming(1e-9, 0, 0), 8e-9, 0));
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
