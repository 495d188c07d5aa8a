using System;
using System.Threading;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// Map from the address of a sampled block to the bucket of its allocation site, with the
    /// three levels of Go's heap profiler (mprof.goc, 2012): a hash table on the address bits above
    /// the region shift, a dense array per region on the next bits, and short linked lists below.
    /// Cheaper than a general hash map because heap addresses cluster: one region per MiB of
    /// touched address space, and an entry only per live sampled block.
    /// </summary>
    /// <remarks>
    /// Thread safety: changes take one lock. A lookup walks the hash chain without it (regions are
    /// immutable once published and never removed), so a free of a block that was never sampled
    /// (the common case) returns without locking when its slot is empty. That is safe because a
    /// block is set before it can be freed, on a thread that happens-before the freeing one.
    /// </remarks>
    public sealed class AddressMap<TBucket>
        where TBucket : class
    {
        // Fibonacci hashing with Go's multiplier (2654435769, 2^32 / golden ratio).
        private const uint HashMultiplier = 2654435769u;

        private readonly AddressMapOptions _options;
        private readonly AddressRegion<TBucket>?[] _table;
        private readonly AddressEntryPool<TBucket> _pool;
        private readonly object _gate = new object();
        private readonly int _slotShift;
        private readonly uint _slotMask;
        private readonly ulong _lowMask;
        private int _regions;
        private int _liveEntries;

        public AddressMap()
            : this(AddressMapOptions.Default)
        {
        }

        public AddressMap(AddressMapOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _table = new AddressRegion<TBucket>?[1 << options.HashBits];
            _pool = new AddressEntryPool<TBucket>(options.EntriesPerChunk);
            _slotShift = options.RegionShift - options.DenseBits;
            _slotMask = (1u << options.DenseBits) - 1;
            _lowMask = options.RegionShift == 64 ? ulong.MaxValue : (1UL << options.RegionShift) - 1;
        }

        public AddressMapOptions Options => _options;

        /// <summary>Live tracked blocks.</summary>
        public int Count => Volatile.Read(ref _liveEntries);

        /// <summary>Tracks a sampled block. Setting an address already tracked adds a second entry,
        /// as Go did: the allocator never hands out a live address twice.</summary>
        public void Set(ulong address, TBucket bucket, long size)
        {
            if (bucket is null) throw new ArgumentNullException(nameof(bucket));
            lock (_gate)
            {
                var region = FindRegion(address) ?? AddRegion(address);
                var entry = _pool.Take();
                entry.LowBits = (uint)(address & _lowMask);
                entry.Bucket = bucket;
                entry.Size = size >= uint.MaxValue ? uint.MaxValue : (uint)Math.Max(0, size);
                ref var head = ref region.Dense[SlotOf(address)];
                entry.Next = head;
                Volatile.Write(ref head, entry);
                _liveEntries++;
            }
        }

        /// <summary>Finds and removes the block at <paramref name="address"/> (Go's getaddrbucket on free).</summary>
        public bool TryRemove(ulong address, out TBucket? bucket, out long size)
        {
            bucket = null;
            size = 0;
            var region = FindRegion(address);
            if (region is null) return false;
            var slot = SlotOf(address);
            if (Volatile.Read(ref region.Dense[slot]) is null) return false; // unsampled block: no lock

            var low = (uint)(address & _lowMask);
            lock (_gate)
            {
                ref var link = ref region.Dense[slot];
                for (var entry = link; entry is not null; entry = link)
                {
                    if (entry.LowBits == low)
                    {
                        link = entry.Next;
                        bucket = entry.Bucket;
                        size = entry.Size;
                        _pool.Return(entry);
                        _liveEntries--;
                        return true;
                    }

                    link = ref entry.Next;
                }
            }

            return false;
        }

        /// <summary>The map's own memory, as Go reported addrmem.</summary>
        public AddressMapMemory Memory
        {
            get
            {
                lock (_gate)
                {
                    return new AddressMapMemory(
                        tableBytes: ClrObjectLayout.ReferenceArrayBytes(_table.Length),
                        regionBytes: _regions * AddressRegion<TBucket>.Bytes(_options.DenseBits),
                        entryBytes: _pool.Bytes,
                        regions: _regions,
                        entryChunks: _pool.Chunks,
                        liveEntries: _liveEntries);
                }
            }
        }

        private uint SlotOf(ulong address) => (uint)(address >> _slotShift) & _slotMask;

        private int HashOf(ulong key) => (int)(unchecked((uint)key * HashMultiplier) >> (32 - _options.HashBits));

        private AddressRegion<TBucket>? FindRegion(ulong address)
        {
            var key = address >> _options.RegionShift;
            for (var region = Volatile.Read(ref _table[HashOf(key)]); region is not null; region = region.Next)
            {
                if (region.Key == key) return region;
            }

            return null;
        }

        private AddressRegion<TBucket> AddRegion(ulong address)
        {
            var key = address >> _options.RegionShift;
            ref var head = ref _table[HashOf(key)];
            var region = new AddressRegion<TBucket>(key, _options.DenseBits, head);
            Volatile.Write(ref head, region); // publish fully built
            _regions++;
            return region;
        }
    }
}
