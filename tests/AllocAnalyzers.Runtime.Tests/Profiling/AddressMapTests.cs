using AllocAnalyzers.Runtime.Profiling.AddressMap;

namespace AllocAnalyzers.Runtime.Tests.Profiling;

public class AddressMapTests
{
    [Fact]
    public void Get_and_remove_returns_the_bucket_once()
    {
        var map = new AddressMap();
        map.Set(0x7f00_1234_5670, 7);

        Assert.True(map.TryRemove(0x7f00_1234_5670, out var bucket));
        Assert.Equal(7, bucket);
        Assert.False(map.TryRemove(0x7f00_1234_5670, out _));
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void Unknown_addresses_are_not_found()
    {
        var map = new AddressMap();
        map.Set(0x1000_0000, 1);

        Assert.False(map.TryRemove(0x1000_0010, out _)); // same slot, other block
        Assert.False(map.TryRemove(0x1000_2000, out _)); // same region, empty slot
        Assert.False(map.TryRemove(0x2000_0000, out _)); // no region
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void Blocks_sharing_a_slot_are_told_apart_by_their_low_bits()
    {
        var map = new AddressMap();
        const ulong slotBase = 0x5555_0000_0000;
        for (var i = 0; i < 32; i++) map.Set(slotBase + (ulong)i * 64, 100 + i);

        // The first and last set, the two the slot holds itself, and chained ones.
        foreach (var i in new[] { 17, 0, 31, 5, 30, 1 })
        {
            Assert.True(map.TryRemove(slotBase + (ulong)i * 64, out var bucket));
            Assert.Equal(100 + i, bucket);
        }

        Assert.Equal(26, map.Count);
        foreach (var i in Enumerable.Range(0, 32).Except(new[] { 17, 0, 31, 5, 30, 1 }))
        {
            Assert.True(map.TryRemove(slotBase + (ulong)i * 64, out var bucket));
            Assert.Equal(100 + i, bucket);
        }

        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void Regions_colliding_in_the_hash_table_stay_separate()
    {
        // One hash bit: every region shares one of two chains.
        var map = new AddressMap(new AddressMapOptions(hashBits: 1, regionShift: 20, denseBits: 8));
        var addresses = Enumerable.Range(0, 100).Select(i => ((ulong)i << 20) + 0x800).ToArray();
        foreach (var address in addresses) map.Set(address, (int)(address >> 20));

        Assert.Equal(100, map.Memory.Regions);
        foreach (var address in addresses)
        {
            Assert.True(map.TryRemove(address, out var bucket));
            Assert.Equal((int)(address >> 20), bucket);
        }
    }

    [Fact]
    public void Addresses_differing_only_above_bit_32_are_different_regions()
    {
        var map = new AddressMap();
        map.Set(0x0000_0000_0010_0040, 1);
        map.Set(0x0001_0000_0010_0040, 2);

        Assert.True(map.TryRemove(0x0001_0000_0010_0040, out var bucket));
        Assert.Equal(2, bucket);
        Assert.True(map.TryRemove(0x0000_0000_0010_0040, out bucket));
        Assert.Equal(1, bucket);
    }

    [Fact]
    public void Freed_entries_are_reused_instead_of_allocated()
    {
        var map = new AddressMap();
        const int b = 3;
        for (var round = 0; round < 10; round++)
        {
            for (ulong i = 0; i < 64; i++) map.Set(0x4000_0000 + i * 4096, b);
            for (ulong i = 0; i < 64; i++) Assert.True(map.TryRemove(0x4000_0000 + i * 4096, out _));
        }

        Assert.Equal(0, map.Memory.EntryChunks); // one block per 4 KiB slot: all inline

        for (var round = 0; round < 10; round++)
        {
            for (ulong i = 0; i < 64; i++) map.Set(0x4000_0000 + i * 64, b); // one slot: two blocks in it, 62 nodes
            for (ulong i = 0; i < 64; i++) Assert.True(map.TryRemove(0x4000_0000 + i * 64, out _));
        }

        Assert.Equal(1, map.Memory.EntryChunks);
    }

    [Theory]
    [InlineData(8, 1)]       // default slots: blocks in slots and chains mixed
    [InlineData(13, 7)]      // Go's 2012 slots of 128 bytes
    [InlineData(2, 3)]       // 256 KiB slots: long chains, 13-bit bucket ids in cells
    public void Random_sets_and_removes_agree_with_a_dictionary(int denseBits, int seed)
    {
        var map = new AddressMap(new AddressMapOptions(hashBits: 4, regionShift: 20, denseBits: denseBits));
        var model = new Dictionary<ulong, int>();
        var random = new Random(seed);
        for (var i = 0; i < 50_000; i++)
        {
            // 4 MiB of 16-byte-aligned addresses: slots fill, empty and share. Negative bucket ids
            // and ids past the cell's bucket bits (and the all-ones id itself) go to the overflow table, exact.
            var address = 0x7f00_0000_0000UL + (ulong)random.Next(1 << 18) * 16;
            if (random.Next(2) == 0 && !model.ContainsKey(address))
            {
                var bucket = random.Next(4) switch
                {
                    0 => random.Next(-8, int.MaxValue),
                    1 => (1 << (31 - 20 + denseBits)) - 1 - random.Next(2), // the all-ones id of the cell and the one below
                    _ => random.Next(1 << 10),
                };
                map.Set(address, bucket);
                model[address] = bucket;
            }
            else
            {
                var found = map.TryRemove(address, out var bucket);
                Assert.Equal(model.Remove(address, out var expected), found);
                if (found) Assert.Equal(expected, bucket);
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
            for (var i = 0; i < perThread; i++) map.Set(Address(i), bucket * perThread + i);
            for (var i = 0; i < perThread; i++)
            {
                if (map.TryRemove(Address(i), out var b) && b == bucket * perThread + i) found[t]++;
            }
        });

        Assert.All(found, n => Assert.Equal(perThread, n));
        Assert.Equal(0, map.Count);
    }

    [Theory]
    [InlineData(0, 20, 8)]
    [InlineData(12, 33, 8)]
    [InlineData(12, 20, 21)]
    [InlineData(12, 32, 8)]  // slots of 16 MiB: too many address bits for a cell
    [InlineData(12, 32, 25)] // a dense array too large
    public void Options_out_of_range_are_rejected(int hashBits, int regionShift, int denseBits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AddressMapOptions(hashBits, regionShift, denseBits));
    }
}
