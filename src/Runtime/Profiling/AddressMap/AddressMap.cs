using System;
using System.Threading;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// Map from the address of a sampled block to the bucket of its allocation site, with the
    /// three levels of Go's heap profiler (mprof.goc, 2012): a hash table on the address bits above
    /// the region shift, a dense array per region on the next bits, and short linked lists below.
    /// Cheaper than a general hash map because heap addresses cluster: one region per MiB of
    /// touched address space, and a slot's only block packed into the slot itself
    /// (<see cref="InlineSlotEncoding"/>); list entries only where blocks share a slot.
    /// </summary>
    /// <remarks>
    /// Thread safety: changes take one lock (a spin lock, <see cref="SpinGate"/>). A lookup walks the hash chain without it (regions are
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
        private SpinGate _gate; // mutable struct: not readonly
        private readonly int _slotShift;
        private readonly uint _slotMask;
        private readonly ulong _lowMask;
        private readonly ulong _offsetMask;
        private readonly InlineSlotEncoding _inline;
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
            _lowMask = (1UL << options.RegionShift) - 1;
            _offsetMask = (1UL << _slotShift) - 1;
            _inline = new InlineSlotEncoding(_slotShift);
        }

        public AddressMapOptions Options => _options;

        /// <summary>Live tracked blocks.</summary>
        public int Count => Volatile.Read(ref _liveEntries);

        /// <summary>Tracks a sampled block with the caller's bucket id. Setting an address already
        /// tracked adds a second entry, as Go did: an allocator never hands out a live address twice.</summary>
        public void Set(ulong address, int bucket, long size)
        {
            var clamped = size >= uint.MaxValue ? uint.MaxValue : Math.Max(0, size);
            _gate.Enter();
            try
            {
                var region = FindRegion(address) ?? AddRegion(address);
                var slot = SlotOf(address);
                ref var head = ref region.Dense[slot];
                if (head == 0 && _inline.TryEncode(address & _offsetMask, bucket, clamped, out var word))
                {
                    Volatile.Write(ref head, word);
                }
                else
                {
                    if (InlineSlotEncoding.IsInline(head)) head = ToListEntry(slot, head);
                    var handle = NewEntry((uint)(address & _lowMask), bucket, clamped);
                    _entries[handle].Next = (int)head;
                    Volatile.Write(ref head, handle);
                }

                _liveEntries++;
            }
            finally
            {
                _gate.Exit();
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

            _gate.Enter();
            try
            {
                ref var head = ref region.Dense[slot];
                if (InlineSlotEncoding.IsInline(head))
                {
                    if (_inline.Offset(head) != (address & _offsetMask)) return false;
                    bucket = _inline.Bucket(head);
                    size = _inline.Size(head);
                    head = 0;
                    _liveEntries--;
                    return true;
                }

                var low = (uint)(address & _lowMask);
                var previous = 0;
                for (var handle = (int)head; handle != 0;)
                {
                    ref var entry = ref _entries[handle];
                    if (entry.LowBits == low)
                    {
                        if (previous == 0) head = entry.Next; else _entries[previous].Next = entry.Next;
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
            finally
            {
                _gate.Exit();
            }

            return false;
        }

        /// <summary>The map's own memory, as Go reported addrmem.</summary>
        public AddressMapMemory Memory
        {
            get
            {
                _gate.Enter();
                try
                {
                    return new AddressMapMemory(
                        tableBytes: ClrObjectLayout.ReferenceArrayBytes(_table.Length) + _entries.DirectoryBytes,
                        regionBytes: _regions * AddressRegion.Bytes(_options.DenseBits),
                        entryBytes: _entries.Bytes,
                        regions: _regions,
                        entryChunks: _entries.Chunks,
                        liveEntries: _liveEntries);
                }
                finally
                {
                    _gate.Exit();
                }
            }
        }

        /// <summary>A second block in a slot: the inline one moves to a list entry first.</summary>
        private long ToListEntry(uint slot, long word)
        {
            var low = ((ulong)slot << _slotShift) | _inline.Offset(word);
            return NewEntry((uint)low, _inline.Bucket(word), _inline.Size(word));
        }

        private int NewEntry(uint lowBits, int bucket, long size)
        {
            var handle = _entries.Take();
            ref var entry = ref _entries[handle];
            entry.LowBits = lowBits;
            entry.Bucket = bucket;
            entry.Size = (uint)size;
            return handle;
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
