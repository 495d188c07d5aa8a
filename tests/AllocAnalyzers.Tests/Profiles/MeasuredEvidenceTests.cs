using AllocAnalyzers.Profiles;

namespace AllocAnalyzers.Tests.Profiles;

/// <summary>When a profile's figures at a line count as evidence of a large, repeated allocation.</summary>
public class MeasuredEvidenceTests
{
    private const long Threshold = 85_000;

    private static MeasuredSite Site(long bytes, long count, long samples, int rank = 2, int sites = 40) =>
        new("app.sites.tsv", bytes, count, samples, rank, sites);

    [Fact]
    public void Bytes_per_allocation_are_the_estimated_bytes_over_the_estimated_count()
    {
        var evidence = MeasuredEvidence.For(Site(bytes: 4_296_267_596, count: 4097, samples: 4097), provenBytes: null, Threshold);

        Assert.NotNull(evidence);
        Assert.Equal(1_048_637, evidence.BytesPerAllocation); // 4,296,267,596 / 4,097, rounded down
        Assert.Equal(4097, evidence.Allocations);
    }

    [Theory]
    [InlineData(85_000L * 200, 200L, true)] // exactly the threshold per allocation
    [InlineData(84_999L * 200, 200L, false)]
    [InlineData(85_000L * 200 - 1, 200L, false)] // the mean is not rounded up to the threshold
    [InlineData(1L << 30, 1L << 20, false)] // a lot of bytes, each allocation 1 KiB
    public void Large_means_the_mean_allocation_reaches_the_threshold(long bytes, long count, bool expected)
    {
        Assert.Equal(expected, MeasuredEvidence.For(Site(bytes, count, samples: count), null, Threshold) != null);
    }

    [Theory]
    [InlineData(MeasuredEvidence.MinimumAllocations, MeasuredEvidence.MinimumSamples, true)]
    [InlineData(MeasuredEvidence.MinimumAllocations - 1, MeasuredEvidence.MinimumAllocations - 1, false)] // a handful of calls
    [InlineData(10_000L, MeasuredEvidence.MinimumSamples - 1, false)] // a count extrapolated from a few events
    [InlineData(0L, 0L, false)]
    public void Frequent_means_enough_allocations_backed_by_enough_events(long count, long samples, bool expected)
    {
        Assert.Equal(expected, MeasuredEvidence.For(Site(count * (1 << 20), count, samples), null, Threshold) != null);
    }

    [Fact]
    public void A_proven_size_decides_large_whatever_the_profile_measured()
    {
        var smallMeasured = Site(bytes: 1000 * 4096, count: 1000, samples: 1000);
        var largeMeasured = Site(bytes: 1000L << 20, count: 1000, samples: 1000);

        Assert.NotNull(MeasuredEvidence.For(smallMeasured, provenBytes: 1 << 20, Threshold));
        Assert.Null(MeasuredEvidence.For(largeMeasured, provenBytes: 4096, Threshold));
        Assert.Null(MeasuredEvidence.For(null, provenBytes: 1 << 20, Threshold));
    }

    [Fact]
    public void The_threshold_is_the_rules_own()
    {
        var site = Site(bytes: 500L << 20, count: 500, samples: 500); // 1 MiB each

        Assert.NotNull(MeasuredEvidence.For(site, null, thresholdBytes: 1 << 20));
        Assert.Null(MeasuredEvidence.For(site, null, thresholdBytes: (1 << 20) + 1));
    }

    [Fact]
    public void It_describes_the_measured_figures()
    {
        var evidence = MeasuredEvidence.For(Site(bytes: 4097L * 1_048_600, count: 4097, samples: 4000, rank: 2, sites: 40), null, Threshold)!;

        Assert.Equal("about 1,048,600 bytes (1 MiB) per allocation, 4,097 times, in the measured profile 'app.sites.tsv' (rank 2 of 40)", evidence.Describe());
    }
}
