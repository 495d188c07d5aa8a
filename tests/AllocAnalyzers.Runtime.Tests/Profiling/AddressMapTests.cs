using AllocAnalyzers.Runtime.Profiling.AddressMap;

namespace AllocAnalyzers.Runtime.Tests.Profiling;

public class AddressMapTests
{
    [Fact]
    public void Get_and_remove_returns_the_bucket_and_size_once()
    {
        var map = new AddressMap();
        map.Set(0x7f00_1234_5670, 7, 48);

        Assert.True(map.TryRemove(0x7f00_1234_5670, out var bucket, out var size));
        Assert.Equal(7, bucket);
        Assert.Equal(48, size);
        Assert.False(map.TryRemove(0x7f00_1234_5670, out _, out _));
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void Unknown_addresses_are_not_found()
    {
        var map = new AddressMap();
        map.Set(0x1000_0000, 1, 16);

        Assert.False(map.TryRemove(0x1000_0010, out _, out _)); // same slot, other block
        Assert.False(map.TryRemove(0x1000_2000, out _, out _)); // same region, empty slot
        Assert.False(map.TryRemove(0x2000_0000, out _, out _)); // no region
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void Blocks_sharing_a_slot_are_told_apart_by_their_low_bits()
    {
        var map = new AddressMap();
        const ulong slotBase = 0x5555_0000_0000;
        for (var i = 0; i < 32; i++) map.Set(slotBase + (ulong)i * 64, 100 + i, i);

        foreach (var i in new[] { 17, 0, 31, 5 })
        {
            Assert.True(map.TryRemove(slotBase + (ulong)i * 64, out var bucket, out var size));
            Assert.Equal(100 + i, bucket);
            Assert.Equal(i, size);
        }

        Assert.Equal(28, map.Count);
    }

    [Fact]
    public void Regions_colliding_in_the_hash_table_stay_separate()
    {
        // One hash bit: every region shares one of two chains.
        var map = new AddressMap(new AddressMapOptions(hashBits: 1, regionShift: 20, denseBits: 8));
        var addresses = Enumerable.Range(0, 100).Select(i => ((ulong)i << 20) + 0x800).ToArray();
        foreach (var address in addresses) map.Set(address, (int)(address >> 20), 8);

        Assert.Equal(100, map.Memory.Regions);
        foreach (var address in addresses)
        {
            Assert.True(map.TryRemove(address, out var bucket, out _));
            Assert.Equal((int)(address >> 20), bucket);
        }
    }

    [Fact]
    public void Addresses_differing_only_above_bit_32_are_different_regions()
    {
        var map = new AddressMap();
        map.Set(0x0000_0000_0010_0040, 1, 1);
        map.Set(0x0001_0000_0010_0040, 2, 2);

        Assert.True(map.TryRemove(0x0001_0000_0010_0040, out var bucket, out _));
        Assert.Equal(2, bucket);
        Assert.True(map.TryRemove(0x0000_0000_0010_0040, out bucket, out _));
        Assert.Equal(1, bucket);
    }

    [Fact]
    public void Freed_entries_are_reused_instead_of_allocated()
    {
        var map = new AddressMap();
        const int b = 3;
        for (var round = 0; round < 10; round++)
        {
            for (ulong i = 0; i < 64; i++) map.Set(0x4000_0000 + i * 4096, b, 1);
            for (ulong i = 0; i < 64; i++) Assert.True(map.TryRemove(0x4000_0000 + i * 4096, out _, out _));
        }

        Assert.Equal(0, map.Memory.EntryChunks); // one block per 4 KiB slot: all inline

        for (var round = 0; round < 10; round++)
        {
            for (ulong i = 0; i < 64; i++) map.Set(0x4000_0000 + i * 64, b, 1); // one slot
            for (ulong i = 0; i < 64; i++) Assert.True(map.TryRemove(0x4000_0000 + i * 64, out _, out _));
        }

        Assert.Equal(1, map.Memory.EntryChunks);
    }

    [Theory]
    [InlineData(8, 1)]       // default slots: inline words and chains mixed
    [InlineData(13, 7)]      // Go's 2012 slots of 128 bytes
    [InlineData(2, 3)]       // 256 KiB slots: long chains, and sizes past 32 MiB kept aside
    public void Random_sets_and_removes_agree_with_a_dictionary(int denseBits, int seed)
    {
        var map = new AddressMap(new AddressMapOptions(hashBits: 4, regionShift: 20, denseBits: denseBits));
        var model = new Dictionary<ulong, (int Bucket, long Size)>();
        var random = new Random(seed);
        for (var i = 0; i < 50_000; i++)
        {
            // 4 MiB of 16-byte-aligned addresses: slots fill, empty and share. Negative bucket ids,
            // ids past 2^20 − 2 and sizes past the word's size bits go to the overflow table, exact.
            var address = 0x7f00_0000_0000UL + (ulong)random.Next(1 << 18) * 16;
            if (random.Next(2) == 0 && !model.ContainsKey(address))
            {
                var entry = (random.Next(-8, 1 << 21), random.Next(3) == 0 ? random.NextInt64(1L << 33) : random.Next(1 << 20));
                map.Set(address, entry.Item1, entry.Item2);
                model[address] = entry;
            }
            else
            {
                var found = map.TryRemove(address, out var bucket, out var size);
                Assert.Equal(model.Remove(address, out var expected), found);
                if (found) Assert.Equal(expected, (bucket, size));
            }
        }

        Assert.Equal(model.Count, map.Count);
    }

    [Fact]
    public void Threads_setting_and_removing_their_own_blocks_see_all_of_them()
    {
        var map = new AddressMap();
        const int threads = 4;
        const int perThread = 20_000;
        var found = new int[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var bucket = t;
            // Interleaved addresses: all threads share regions and slots.
            ulong Address(int i) => 0x7000_0000_0000 + (ulong)(i * threads + t) * 48;
            for (var i = 0; i < perThread; i++) map.Set(Address(i), bucket, i);
            for (var i = 0; i < perThread; i++)
            {
                if (map.TryRemove(Address(i), out var b, out var size) && b == bucket && size == i) found[t]++;
            }
        });

        Assert.All(found, n => Assert.Equal(perThread, n));
        Assert.Equal(0, map.Count);
    }

    [Theory]
    [InlineData(0, 20, 8)]
    [InlineData(12, 33, 8)]
    [InlineData(12, 20, 21)]
    public void Options_out_of_range_are_rejected(int hashBits, int regionShift, int denseBits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AddressMapOptions(hashBits, regionShift, denseBits));
    }
}
