using AllocAnalyzers.Runtime.Profiling.Native;

namespace AllocAnalyzers.Runtime.Tests.Profiling;

public class SiteSizeBucketsTests
{
    [Fact]
    public void Blocks_of_one_site_and_size_share_a_bucket_until_the_last_is_freed()
    {
        var buckets = new SiteSizeBuckets();
        var a = buckets.Acquire(site: 3, size: 1 << 20);
        var b = buckets.Acquire(site: 3, size: 1 << 20);
        var other = buckets.Acquire(site: 3, size: 4096);
        var otherSite = buckets.Acquire(site: 4, size: 1 << 20);

        Assert.Equal(a, b);
        Assert.Equal(3, new[] { a, other, otherSite }.Distinct().Count());
        Assert.Equal(3, buckets.Count);
        Assert.Equal((3, 1L << 20), buckets.Release(a));
        Assert.Equal(3, buckets.Count); // one block of it still live
        Assert.Equal((3, 1L << 20), buckets.Release(b));
        Assert.Equal(2, buckets.Count);
        Assert.Equal((4, 1L << 20), buckets.Release(otherSite));
        Assert.Equal((3, 4096L), buckets.Release(other));
        Assert.Equal(0, buckets.Count);
    }

    [Fact]
    public void Freed_ids_are_reused_so_ids_never_outnumber_live_blocks()
    {
        var buckets = new SiteSizeBuckets();
        var random = new Random(5);
        var live = new List<(int Id, int Site, long Size)>();
        var highest = 0;
        for (var i = 0; i < 20_000; i++)
        {
            if (live.Count < 100 && random.Next(2) == 0)
            {
                // Every size distinct: the worst case for buckets keyed by size.
                var (site, size) = (random.Next(5), 1 + (long)random.Next(1 << 30));
                var id = buckets.Acquire(site, size);
                live.Add((id, site, size));
                highest = Math.Max(highest, id);
            }
            else if (live.Count > 0)
            {
                var k = random.Next(live.Count);
                var block = live[k];
                live.RemoveAt(k);
                Assert.Equal((block.Site, block.Size), buckets.Release(block.Id));
            }
        }

        Assert.InRange(highest, 0, 99);
        Assert.Equal(live.Count, buckets.Count);
    }
}
