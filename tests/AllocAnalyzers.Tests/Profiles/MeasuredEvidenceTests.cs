using AllocAnalyzers.Profiles;

namespace AllocAnalyzers.Tests.Profiles;

/// <summary>When a profile's figures at a line count as evidence of a large, repeated allocation.</summary>
public class MeasuredEvidenceTests
{
    private const long Threshold = 85_000;

    /// <summary>A line with one row of the summary.</summary>
    private static MeasuredSite Site(long bytes, long count, long samples, int rank = 2, int sites = 40) =>
        Line(new MeasuredSite("app.sites.tsv", bytes, count, samples, rank, sites));

    private static MeasuredSite Line(params MeasuredSite[] rows) =>
        new("app.sites.tsv", rows.Sum(r => r.EstimatedBytes), rows.Sum(r => r.EstimatedCount), rows.Sum(r => r.Samples), rows[0].Rank, rows[0].SiteCount, rows);

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
    public void Rows_on_one_line_are_judged_one_by_one()
    {
        // One line allocating 256 buffers of 1 MiB (the large-object row) and 4,096 of 4 KiB: summed,
        // about 65 KB per allocation; the large row on its own is the evidence.
        var large = new MeasuredSite("app.sites.tsv", 256L * 1_048_600, 256, 256, rank: 1, siteCount: 7);
        var small = new MeasuredSite("app.sites.tsv", 4096L * 4120, 4096, 170, rank: 3, siteCount: 7);

        var evidence = MeasuredEvidence.For(Line(large, small), null, Threshold);

        Assert.Same(large, evidence?.Site);
        Assert.Equal(1_048_600, evidence!.BytesPerAllocation);
        Assert.Null(MeasuredEvidence.For(Line(small), null, Threshold));
        // A rare large row and a frequent small one: neither is evidence on its own.
        var rareLarge = new MeasuredSite("app.sites.tsv", 3L * 1_048_600, 3, 3, rank: 2, siteCount: 7);
        Assert.Null(MeasuredEvidence.For(Line(small, rareLarge), null, Threshold));
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
