using AllocAnalyzers.Tool.Calibration;

namespace AllocAnalyzers.Tool.Tests.Calibration;

/// <summary>Each derivation inverts the model's formula: feed it timings built from known costs, get them back.</summary>
public class CalibrationMathTests
{
    [Fact]
    public void Large_allocation_fit_recovers_fixed_and_gen2_costs()
    {
        const double A = 7e-6, G = 65e-6;
        var rare = new LoopTiming(A + 0.031 * G, 0, 0.031);
        var frequent = new LoopTiming(A + 0.333 * G, 0, 0.333);
        var (fixedSeconds, gen2) = CalibrationMath.LargeAllocationFit(rare, frequent, forcedGen2Seconds: 30e-6);
        Assert.Equal(A, fixedSeconds, 1e-12);
        Assert.Equal(G, gen2, 1e-12);
    }

    [Fact]
    public void Large_allocation_fit_falls_back_to_the_forced_collection_cost()
    {
        // Rates too close to separate: the forced cost stands in for G.
        var a = new LoopTiming(10e-6, 0, 0.030);
        var b = new LoopTiming(12e-6, 0, 0.031);
        var (fixedSeconds, gen2) = CalibrationMath.LargeAllocationFit(a, b, forcedGen2Seconds: 50e-6);
        Assert.Equal(50e-6, gen2);
        Assert.Equal(10e-6 - 0.030 * 50e-6, fixedSeconds, 1e-12);

        // Noise that makes the frequent loop faster never gives a gen 2 cheaper than a forced one, nor A below 50 ns.
        var (fixed2, gen2b) = CalibrationMath.LargeAllocationFit(new LoopTiming(1e-6, 0, 0.03), new LoopTiming(0.5e-6, 0, 0.33), 50e-6);
        Assert.Equal(50e-6, gen2b);
        Assert.Equal(50e-9, fixed2);
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
