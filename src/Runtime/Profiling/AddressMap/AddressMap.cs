using System;
using System.Collections.Generic;
using System.Threading;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// Map from the address of a sampled block to the bucket of its allocation site, with the
    /// three levels of Go's heap profiler (mprof.goc, 2012): a hash table on the address bits above
    /// the region shift, a dense array per region on the next bits, and short chains below.
    /// Cheaper than a general hash map because heap addresses cluster: one region per MiB of
    /// touched address space, every block one 64-bit word (<see cref="InlineSlotEncoding"/>), a
    /// slot's only block kept in the slot itself, and a 16-byte node (<see cref="AddressEntry"/>)
    /// per further block of a shared slot.
    /// </summary>
    /// <remarks>
    /// Thread safety: changes take one lock (a spin lock, <see cref="SpinGate"/>). A lookup walks
    /// the hash chain without it (regions are immutable once published and never removed), so a
    /// free of a block that was never sampled (the common case) returns without locking when its
    /// slot is empty. That is safe because a block is set before it can be freed, on a thread that
    /// happens-before the freeing one.
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
        private readonly ulong _offsetMask;
        private readonly InlineSlotEncoding _inline;

        // Bucket and size of the rare blocks whose word cannot hold them (bucket id of 2^20 − 1 or
        // more, or a size beyond the word's size bits: 2 GiB with the defaults), by address.
        private readonly Dictionary<ulong, (int Bucket, long Size)> _overflow = new Dictionary<ulong, (int Bucket, long Size)>();
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
            _offsetMask = (1UL << _slotShift) - 1;
            _inline = new InlineSlotEncoding(_slotShift);
        }

        public AddressMapOptions Options => _options;

        /// <summary>Live tracked blocks.</summary>
        public int Count => Volatile.Read(ref _liveEntries);

        /// <summary>Tracks a sampled block with the caller's bucket id. Setting an address
        /// already tracked adds a second block, as Go did: an allocator never hands out a live address twice.</summary>
        public void Set(ulong address, int bucket, long size)
        {
            size = Math.Max(0, size);
            var offset = address & _offsetMask;
            _gate.Enter();
            try
            {
                if (!_inline.TryEncode(offset, bucket, size, out var word))
                {
                    word = _inline.Overflow(offset);
                    _overflow[address] = (bucket, size);
                }

                var region = FindRegion(address) ?? AddRegion(address);
                ref var head = ref region.Dense[SlotOf(address)];
                if (head != 0)
                {
                    // A shared slot: a node with the new block in front of what the slot held.
                    var handle = _entries.Take();
                    ref var node = ref _entries[handle];
                    node.Block = word;
                    node.Rest = head;
                    word = handle;
                }

                Volatile.Write(ref head, word); // publish after the node is written
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
                if (!Unlink(ref region.Dense[slot], address & _offsetMask, out var word)) return false;
                if (_inline.IsOverflow(word))
                {
                    _overflow.TryGetValue(address, out var kept);
                    _overflow.Remove(address);
                    (bucket, size) = kept;
                }
                else
                {
                    bucket = _inline.Bucket(word);
                    size = _inline.Size(word);
                }

                _liveEntries--;
                return true;
            }
            finally
            {
                _gate.Exit();
            }
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
                        entryBytes: _entries.Bytes + OverflowBytes,
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

        /// <summary>The overflow dictionary, estimated from its layout: per block an entry (hash, next,
        /// 8-byte key, 16-byte value: 32 bytes) and a 4-byte bucket index.</summary>
        private long OverflowBytes => _overflow.Count == 0 ? 0 : ClrObjectLayout.InstanceBytes(80) + 36L * _overflow.Count;

        /// <summary>
        /// Takes the block at <paramref name="offset"/> out of a slot's chain: the slot holds one
        /// inline word, or a node whose Rest is the next node or, at the end, the last block. The
        /// link that led to a removed node gets what is left of it (its other block or the next
        /// node), so a slot with one block left holds it inline again.
        /// </summary>
        private bool Unlink(ref long link, ulong offset, out long word)
        {
            word = link;
            if (InlineSlotEncoding.IsInline(word))
            {
                if (_inline.Offset(word) != offset) return false;
                link = 0;
                return true;
            }

            while (true)
            {
                var handle = (int)link;
                ref var node = ref _entries[handle];
                if (_inline.Offset(node.Block) == offset)
                {
                    word = node.Block;
                    link = node.Rest;
                }
                else if (InlineSlotEncoding.IsInline(node.Rest))
                {
                    if (_inline.Offset(node.Rest) != offset) return false;
                    word = node.Rest;
                    link = node.Block;
                }
                else
                {
                    link = ref node.Rest;
                    continue;
                }

                _entries.Return(handle);
                return true;
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
