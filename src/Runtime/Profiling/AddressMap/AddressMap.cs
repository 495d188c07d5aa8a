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
    public sealed class AddressMap
    {
        // Fibonacci hashing with Go's multiplier (2654435769, 2^32 / golden ratio).
        private const uint HashMultiplier = 2654435769u;

        private readonly AddressMapOptions _options;
        private readonly AddressRegion?[] _table;
        private readonly AddressEntryStore _entries;
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
            _table = new AddressRegion?[1 << options.HashBits];
            _entries = new AddressEntryStore(options.EntriesPerChunk);
            _slotShift = options.RegionShift - options.DenseBits;
            _slotMask = (1u << options.DenseBits) - 1;
            _lowMask = options.RegionShift == 64 ? ulong.MaxValue : (1UL << options.RegionShift) - 1;
        }

        public AddressMapOptions Options => _options;

        /// <summary>Live tracked blocks.</summary>
        public int Count => Volatile.Read(ref _liveEntries);

        /// <summary>Tracks a sampled block with the caller's bucket id. Setting an address already
        /// tracked adds a second entry, as Go did: an allocator never hands out a live address twice.</summary>
        public void Set(ulong address, int bucket, long size)
        {
            lock (_gate)
            {
                var region = FindRegion(address) ?? AddRegion(address);
                var handle = _entries.Take();
                ref var entry = ref _entries[handle];
                entry.LowBits = (uint)(address & _lowMask);
                entry.Bucket = bucket;
                entry.Size = size >= uint.MaxValue ? uint.MaxValue : (uint)Math.Max(0, size);
                ref var head = ref region.Dense[SlotOf(address)];
                entry.Next = (int)head;
                Volatile.Write(ref head, handle);
                _liveEntries++;
            }
        }

        /// <summary>Finds and removes the block at <paramref name="address"/> (Go's getaddrbucket on free).</summary>
        public bool TryRemove(ulong address, out int bucket, out long size)
        {
            bucket = 0;
            size = 0;
            var region = FindRegion(address);
            if (region is null) return false;
            var slot = SlotOf(address);
            if (Volatile.Read(ref region.Dense[slot]) == 0) return false; // unsampled block: no lock

            var low = (uint)(address & _lowMask);
            lock (_gate)
            {
                var previous = 0;
                for (var handle = (int)region.Dense[slot]; handle != 0;)
                {
                    ref var entry = ref _entries[handle];
                    if (entry.LowBits == low)
                    {
                        if (previous == 0) region.Dense[slot] = entry.Next; else _entries[previous].Next = entry.Next;
                        bucket = entry.Bucket;
                        size = entry.Size;
                        _entries.Return(handle);
                        _liveEntries--;
                        return true;
                    }

                    previous = handle;
                    handle = entry.Next;
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
                        tableBytes: ClrObjectLayout.ReferenceArrayBytes(_table.Length) + _entries.DirectoryBytes,
                        regionBytes: _regions * AddressRegion.Bytes(_options.DenseBits),
                        entryBytes: _entries.Bytes,
                        regions: _regions,
                        entryChunks: _entries.Chunks,
                        liveEntries: _liveEntries);
                }
            }
        }

        private uint SlotOf(ulong address) => (uint)(address >> _slotShift) & _slotMask;

        private int HashOf(ulong key) => (int)(unchecked((uint)key * HashMultiplier) >> (32 - _options.HashBits));

        private AddressRegion? FindRegion(ulong address)
        {
            var key = address >> _options.RegionShift;
            for (var region = Volatile.Read(ref _table[HashOf(key)]); region is not null; region = region.Next)
            {
                if (region.Key == key) return region;
            }

            return null;
        }

        private AddressRegion AddRegion(ulong address)
        {
            var key = address >> _options.RegionShift;
            ref var head = ref _table[HashOf(key)];
            var region = new AddressRegion(key, _options.DenseBits, head);
            Volatile.Write(ref head, region); // publish fully built
            _regions++;
            return region;
        }
    }
}
