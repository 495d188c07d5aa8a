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
    /// touched address space, every block a 32-bit cell (<see cref="BlockCell"/>), a slot's first
    /// two blocks kept in the slot itself, and an 8-byte node (<see cref="AddressEntry"/>) per
    /// further block of a crowded slot.
    /// </summary>
    /// <remarks>
    /// Thread safety: changes take one lock (a spin lock, <see cref="SpinGate"/>). A lookup walks
    /// the hash chain without it (regions are immutable once published and never removed), so a
    /// free of a block that was never sampled (the common case) returns without locking when its
    /// slot is empty. That is safe because a block is set before it can be freed, on a thread that
    /// happens-before the freeing one, and because a slot's first cell is never 0 while the slot
    /// holds a block.
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
        private readonly BlockCell _cells;

        // Bucket ids too large for a cell (2^19 − 1 or more with the defaults), by address.
        private readonly Dictionary<ulong, int> _overflow = new Dictionary<ulong, int>();
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
            _cells = new BlockCell(_slotShift);
        }

        public AddressMapOptions Options => _options;

        /// <summary>Live tracked blocks.</summary>
        public int Count => Volatile.Read(ref _liveEntries);

        /// <summary>Tracks a sampled block with the caller's bucket id (Go's setaddrbucket). Setting an
        /// address already tracked adds a second block, as Go did: an allocator never hands out a live address twice.</summary>
        public void Set(ulong address, int bucket)
        {
            var cell = _cells.Encode((uint)(address & _offsetMask), bucket);
            _gate.Enter();
            try
            {
                if (!_cells.Fits(bucket)) _overflow[address] = bucket;
                var dense = (FindRegion(address) ?? AddRegion(address)).Dense;
                var first = 2 * (int)SlotOf(address);
                if (dense[first] == BlockCell.None)
                {
                    Volatile.Write(ref dense[first], cell);
                }
                else if (dense[first + 1] == BlockCell.None)
                {
                    dense[first + 1] = cell;
                }
                else
                {
                    // A crowded slot: what it held moves to a node, the new block takes the first cell.
                    var handle = _entries.Take();
                    ref var node = ref _entries[handle];
                    node.Block = dense[first];
                    node.Rest = dense[first + 1];
                    dense[first + 1] = handle;
                    dense[first] = cell;
                }

                _liveEntries++;
            }
            finally
            {
                _gate.Exit();
            }
        }

        /// <summary>Finds and removes the block at <paramref name="address"/> (Go's getaddrbucket on free).</summary>
        public bool TryRemove(ulong address, out int bucket)
        {
            bucket = 0;
            var region = FindRegion(address);
            if (region is null) return false;
            var dense = region.Dense;
            var first = 2 * (int)SlotOf(address);
            if (Volatile.Read(ref dense[first]) == BlockCell.None) return false; // unsampled block: no lock

            _gate.Enter();
            try
            {
                if (!Unlink(dense, first, (uint)(address & _offsetMask), out var cell)) return false;
                bucket = _cells.Bucket(cell);
                if (bucket == _cells.OverflowBucket && _overflow.TryGetValue(address, out var kept))
                {
                    _overflow.Remove(address);
                    bucket = kept;
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
        /// 8-byte key, 4-byte value: 24 bytes) and a 4-byte bucket index.</summary>
        private long OverflowBytes => _overflow.Count == 0 ? 0 : ClrObjectLayout.InstanceBytes(80) + 28L * _overflow.Count;

        /// <summary>
        /// Takes the block at <paramref name="offset"/> out of the slot whose first cell is
        /// dense[<paramref name="first"/>]. The slot's second cell, like a node's Rest, is none, a
        /// block, or the handle of a node (a block and the rest of the chain). The link that led to a
        /// removed node gets what is left of it, so a slot left with two blocks holds both again.
        /// </summary>
        private bool Unlink(uint[] dense, int first, uint offset, out uint cell)
        {
            cell = dense[first];
            ref var link = ref dense[first + 1];
            if (_cells.Offset(cell) == offset)
            {
                var rest = link;
                if (rest == BlockCell.None)
                {
                    Volatile.Write(ref dense[first], BlockCell.None);
                }
                else if (BlockCell.IsBlock(rest))
                {
                    dense[first] = rest;
                    link = BlockCell.None;
                }
                else
                {
                    ref var head = ref _entries[rest];
                    dense[first] = head.Block;
                    link = head.Rest;
                    _entries.Return(rest);
                }

                return true;
            }

            while (true)
            {
                var handle = link;
                if (handle == BlockCell.None) return false;
                if (BlockCell.IsBlock(handle))
                {
                    // Only the slot's own second cell ends in a block without a node.
                    if (_cells.Offset(handle) != offset) return false;
                    cell = handle;
                    link = BlockCell.None;
                    return true;
                }

                ref var node = ref _entries[handle];
                if (_cells.Offset(node.Block) == offset)
                {
                    cell = node.Block;
                    link = node.Rest;
                }
                else if (BlockCell.IsBlock(node.Rest))
                {
                    if (_cells.Offset(node.Rest) != offset) return false;
                    cell = node.Rest;
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
