using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Tests.Estimates;

/// <summary>A clear is priced directly from the profile; the simulator's steady state must charge the same.</summary>
public class ClearEstimateTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(256L)]
    [InlineData(64L << 10)]
    [InlineData(1L << 20)]
    [InlineData(100L << 20)]
    public void Direct_price_equals_the_simulated_steady_state(long bytes)
    {
        foreach (var profile in new[] { BuiltInProfiles.LinuxReference, BuiltInProfiles.MacOS2016Seed })
        {
            var shortRun = Simulator.Run("clear " + bytes + " x 100", TargetPlatform.Linux, profile);
            var longRun = Simulator.Run("clear " + bytes + " x 300", TargetPlatform.Linux, profile);
            double simulated = (longRun.Totals.Seconds - shortRun.Totals.Seconds) / 200;
            var direct = ManagedAllocationCosts.Clear(bytes, profile);
            Assert.Equal(simulated, direct.Seconds, 1e-12 + simulated * 1e-9);
            Assert.Equal(bytes, direct.BytesZeroed);
            Assert.False(direct.LargeObjectHeap);
        }
    }

    [Fact]
    public void Explanation_names_the_memset()
    {
        Assert.Equal("Array.Clear: memset of a live buffer, 1 MiB", ManagedAllocationCosts.Clear(1 << 20, BuiltInProfiles.LinuxReference).Explanation);
    }

    [Fact]
    public void Rejects_a_missing_profile() =>
        Assert.Throws<ArgumentNullException>(() => ManagedAllocationCosts.Clear(1, null!));
}
