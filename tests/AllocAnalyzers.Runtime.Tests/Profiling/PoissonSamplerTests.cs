using AllocAnalyzers.Runtime.Profiling.Sampling;

namespace AllocAnalyzers.Runtime.Tests.Profiling;

public class PoissonSamplerTests
{
    [Fact]
    public void The_same_seed_samples_the_same_allocations()
    {
        static bool[] Run(int seed)
        {
            var sampler = new PoissonSampler(4096, seed);
            return Enumerable.Range(0, 10_000).Select(i => sampler.ShouldSample(64 + i % 512)).ToArray();
        }

        Assert.Equal(Run(42), Run(42));
        Assert.NotEqual(Run(42), Run(43));
    }

    [Fact]
    public void Samples_come_once_per_mean_bytes_on_average()
    {
        var sampler = new PoissonSampler(8192, seed: 1);
        const int allocations = 2_000_000;
        var samples = Enumerable.Range(0, allocations).Count(_ => sampler.ShouldSample(16));

        var expected = allocations * 16 / 8192.0; // 3906
        Assert.InRange(samples, expected * 0.95, expected * 1.05);
    }

    [Theory]
    [InlineData(512 * 1024)]
    [InlineData(4096)]
    public void Scaled_samples_estimate_the_total_bytes(long rate)
    {
        // Sizes from 8 B to 1 MiB, so that small blocks (rarely sampled, heavily scaled) and large
        // ones (always sampled, scaled by about 1) both count.
        var sampler = new PoissonSampler(rate, seed: 3);
        var random = new Random(5);
        double actual = 0, estimated = 0, actualCount = 0, estimatedCount = 0;
        for (var i = 0; i < 400_000; i++)
        {
            long size = random.Next(10) == 0 ? random.Next(8, 1 << 20) : random.Next(8, 512);
            actual += size;
            actualCount++;
            if (sampler.ShouldSample(size))
            {
                estimated += SampleWeights.EstimatedBytes(size, rate);
                estimatedCount += SampleWeights.EstimatedCount(size, rate);
            }
        }

        Assert.InRange(estimated / actual, 0.97, 1.03);
        Assert.InRange(estimatedCount / actualCount, 0.85, 1.15);
    }

    [Fact]
    public void The_estimate_converges_as_samples_accumulate()
    {
        var sampler = new PoissonSampler(65536, seed: 11);
        double actual = 0, estimated = 0;
        var errors = new List<double>();
        for (var i = 1; i <= 4_000_000; i++)
        {
            actual += 100;
            if (sampler.ShouldSample(100)) estimated += SampleWeights.EstimatedBytes(100, 65536);
            if (i is 40_000 or 4_000_000) errors.Add(Math.Abs(estimated / actual - 1));
        }

        // About 61 samples, then 6,100: the relative error shrinks like 1/sqrt(samples).
        Assert.True(errors[1] < 0.03, $"error after 4M allocations: {errors[1]:P2}");
        Assert.True(errors[1] < errors[0] || errors[0] < 0.03, $"errors {errors[0]:P2} then {errors[1]:P2}");
    }

    [Fact]
    public void Weights_follow_the_sampling_probability()
    {
        Assert.Equal(1.0, SampleWeights.EstimatedCount(100, 1));
        Assert.Equal(1 - Math.Exp(-0.5), SampleWeights.Probability(256, 512), 12);
        Assert.Equal(1.0, SampleWeights.EstimatedCount(100 << 20, 512 * 1024), 6); // a 100 MiB block is always sampled
        Assert.InRange(SampleWeights.EstimatedCount(8, 512 * 1024), 65536, 65537); // rate/size + 1/2 for tiny blocks
        Assert.Equal(0, SampleWeights.EstimatedCount(0, 512));
    }

    [Fact]
    public void A_mean_of_one_byte_samples_everything()
    {
        var sampler = new PoissonSampler(1, seed: 0);
        Assert.All(Enumerable.Range(1, 100), i => Assert.True(sampler.ShouldSample(i)));
        Assert.False(sampler.ShouldSample(0));
    }
}
