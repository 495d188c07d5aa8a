using System;
using System.Collections.Generic;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Pages;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// Apple libmalloc's scalable zone: tiny/small/medium requests from magazine regions, large ones
    /// from whole pages (vm_allocate) with the large-block "death row" cache in front
    /// (large.c / magazine_large.c, large_malloc and free_large). A calloc served from the cache bzeroes
    /// the whole cached block, every time; a miss maps fresh zero pages and clears nothing.
    /// </summary>
    public sealed class Libmalloc : NativeAllocator
    {
        private readonly ArenaHeap _regions;
        private readonly LargeBlockCache _cache;

        public Libmalloc(SimulationContext context, LibmallocConfig config)
            : base(context)
        {
            Config = config;
            _regions = new ArenaHeap(context, 16);
            _cache = new LargeBlockCache(config);
        }

        public LibmallocConfig Config { get; }

        public override string Name => "macOS libmalloc (" + Config.Name + ")";

        protected override void Release(NativeBlock block)
        {
            if (block.State is LargeBlock large)
            {
                FreeLarge(large);
                return;
            }

            _regions.Release((ArenaHeap.Chunk)block.State);
            Context.Ledger.Note("returned to its magazine");
        }

        /// <summary>Unmaps every cached block (what memory-pressure relief does).</summary>
        public void DrainCache()
        {
            while (_cache.Count > 0) Context.Unmap(_cache.EvictOldest().Mapping);
        }

        protected override NativeBlock Allocate(long size, bool clear)
        {
            return size >= Config.LargeMin ? AllocateLarge(size, clear) : AllocateInRegion(size, clear);
        }

        private NativeBlock AllocateInRegion(long size, bool clear)
        {
            // Quanta: tiny 16 B, small 512 B, medium 32 KiB (SHIFT_*_QUANTUM).
            string band = size <= Config.TinyMax ? "tiny" : size <= Config.SmallMax ? "small" : "medium";
            long quantum = band == "tiny" ? 16 : band == "small" ? 512 : 32 * 1024;
            long rounded = Math.Max(quantum, (size + quantum - 1) / quantum * quantum);
            var chunk = _regions.TakeFree(rounded);
            if (chunk == null)
            {
                if (_regions.TopSize < rounded)
                {
                    // A new region: 1 MiB tiny, 8 MiB small, 128 MiB medium regions are mapped whole.
                    long regionSize = band == "tiny" ? 1L << 20 : band == "small" ? 8L << 20 : 128L << 20;
                    _regions.SetEnd(_regions.End + Math.Max(regionSize, VirtualMemory.RoundUpToPage(rounded)));
                    Context.Ledger.Note("new " + band + " region");
                }

                chunk = _regions.CarveFromTop(rounded);
            }

            var block = new NativeBlock(size, _regions.Mapping, chunk.Offset, rounded, chunk);
            if (clear)
            {
                // tiny/small/medium calloc: memset of the whole block (*_malloc_should_clear).
                Context.Ledger.Note(band + ": memset " + CostFormat.Bytes(rounded));
                Context.Clear(block.Mapping, block.Offset, rounded);
            }
            else
            {
                Context.Ledger.Note(band + " block");
            }

            return block;
        }

        private NativeBlock AllocateLarge(long size, bool clear)
        {
            long pages = VirtualMemory.RoundUpToPage(size);
            var hit = _cache.TakeBestFit(pages);
            if (hit != null)
            {
                // large_malloc: madvise(MADV_FREE_REUSE) on the entry, then "if (cleared_requested) memset(addr, 0, size)".
                Context.Ledger.AdviseCall(0);
                if (clear)
                {
                    Context.Ledger.Note("served from the large-block cache: bzero " + CostFormat.Bytes(hit.Size));
                    Context.ClearReusedBlock(hit.Mapping, 0, hit.Size);
                }
                else
                {
                    Context.Ledger.Note("served from the large-block cache (not cleared)");
                }

                return new NativeBlock(size, hit.Mapping, 0, hit.Size, hit);
            }

            int mapping = Context.Map(pages);
            var block = new LargeBlock(mapping, pages);
            Context.Ledger.Note("large: fresh pages from vm_allocate" + (clear ? ", already zero: nothing cleared" : string.Empty));
            return new NativeBlock(size, mapping, 0, pages, block);
        }

        private void FreeLarge(LargeBlock block)
        {
            if (!_cache.Accepts(block.Size))
            {
                Context.Unmap(block.Mapping);
                Context.Ledger.Note(block.Size >= Config.CacheEntryLimit && Config.CacheEnabled
                    ? "too large for the cache (limit " + CostFormat.Bytes(Config.CacheEntryLimit) + "): vm_deallocate"
                    : "vm_deallocate");
                return;
            }

            // free_large: madvise(MADV_FREE_REUSABLE), then onto death row; evict the oldest over the limits.
            Context.Ledger.AdviseCall(0);
            foreach (var evicted in _cache.Add(block)) Context.Unmap(evicted.Mapping);
            Context.Ledger.Note("kept in the large-block cache");
        }

        internal sealed class LargeBlock
        {
            public LargeBlock(int mapping, long size)
            {
                Mapping = mapping;
                Size = size;
            }

            public int Mapping { get; }
            public long Size { get; }
        }

        /// <summary>The FIFO "death row" ring of freed large blocks.</summary>
        private sealed class LargeBlockCache
        {
            private readonly LibmallocConfig _config;
            private readonly LinkedList<LargeBlock> _entries = new LinkedList<LargeBlock>();
            private long _bytes;

            public LargeBlockCache(LibmallocConfig config) => _config = config;

            public int Count => _entries.Count;

            public bool Accepts(long size) => _config.CacheEnabled && size < _config.CacheEntryLimit;

            /// <summary>The smallest cached block that fits and wastes less than half of itself (entry &lt; 2 × request).</summary>
            public LargeBlock? TakeBestFit(long size)
            {
                if (!Accepts(size)) return null;
                LinkedListNode<LargeBlock>? best = null;
                for (var n = _entries.Last; n != null; n = n.Previous)
                {
                    long s = n.Value.Size;
                    if (s >= size && s < 2 * size && (best == null || s < best.Value.Size)) best = n;
                }

                if (best == null) return null;
                _entries.Remove(best);
                _bytes -= best.Value.Size;
                return best.Value;
            }

            public List<LargeBlock> Add(LargeBlock block)
            {
                _entries.AddLast(block);
                _bytes += block.Size;
                var evicted = new List<LargeBlock>();
                while (_entries.Count > _config.CacheEntries || _bytes > _config.CacheTotalLimit)
                {
                    evicted.Add(EvictOldest());
                }

                return evicted;
            }

            public LargeBlock EvictOldest()
            {
                var oldest = _entries.First!.Value;
                _entries.RemoveFirst();
                _bytes -= oldest.Size;
                return oldest;
            }
        }
    }
}
