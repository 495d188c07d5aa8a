using AllocAnalyzers.Tool.Output;

namespace AllocAnalyzers.Tool.Tests.Output;

public class CostCurveTests
{
    [Fact]
    public void A_cliff_between_samples_becomes_a_step_at_the_exact_size()
    {
        static double Cost(long size) => size < 1000 ? 1e-6 : 1e-4;
        var points = CostCurve.Sample([512, 1024, 2048], Cost);
        Assert.Equal([(512L, 1e-6), (999L, 1e-6), (1000L, 1e-4), (1024L, 1e-4), (2048L, 1e-4)], points);
    }

    [Fact]
    public void A_steady_band_keeps_its_samples()
    {
        static double Cost(long size) => size * 1e-9;
        var sizes = Enumerable.Range(0, 9).Select(i => (long)Math.Round(Math.Pow(2, 12 + i / 4.0))).ToList();
        Assert.Equal(sizes, CostCurve.Sample(sizes, Cost).Select(p => p.Size));
    }
}
