using System;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Pages;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// glibc malloc's main arena (glibc 2.26–2.41; malloc/malloc.c): bins and top chunk in the brk
    /// heap, mmap for requests at or above the mmap threshold that the heap cannot serve, the dynamic
    /// threshold raise when an mmapped chunk is freed, trimming, and calloc's clearing rule.
    /// Simplified: one arena, no tcache or fastbins (calloc bypasses tcache before glibc 2.42 anyway),
    /// free chunks coalesce at once.
    /// </summary>
    public sealed class GlibcMalloc : NativeAllocator
    {
        private readonly ArenaHeap _heap;

        public GlibcMalloc(SimulationContext context, long? fixedMmapThreshold = null)
            : base(context)
        {
            _heap = new ArenaHeap(context, GlibcTunables.MinChunk);
            MmapThreshold = fixedMmapThreshold ?? GlibcTunables.MmapThresholdMin;
            TrimThreshold = GlibcTunables.TrimThreshold;
            DynamicThreshold = fixedMmapThreshold == null;
        }

        public override string Name => "glibc malloc";

        /// <summary>Current mmap threshold (raised by frees of mmapped chunks while dynamic).</summary>
        public long MmapThreshold { get; private set; }

        public long TrimThreshold { get; private set; }

        /// <summary>False once M_MMAP_THRESHOLD is set (mallopt or MALLOC_MMAP_THRESHOLD_), which freezes it.</summary>
        public bool DynamicThreshold { get; }

        protected override void Release(NativeBlock block)
        {
            if (block.State is MmappedChunk m)
            {
                // __libc_free (malloc.c): "if (!mp_.no_dyn_threshold && chunksize_nomask (p) > mp_.mmap_threshold
                //  && chunksize_nomask (p) <= DEFAULT_MMAP_THRESHOLD_MAX)" then mmap_threshold = chunksize (p).
                // chunksize_nomask is the raw size field, IS_MMAPPED bit included, so a chunk of exactly
                // 32 MiB (32 MiB | 2) does not raise it: the highest threshold reached is 32 MiB - 4 KiB, and
                // requests whose chunk (request2size) is at least that, from 32 MiB - 4 KiB - 23 bytes up, are
                // mmapped every time.
                long sizeField = m.Size | GlibcTunables.IsMmappedBit;
                if (DynamicThreshold && sizeField > MmapThreshold && sizeField <= GlibcTunables.MmapThresholdMax)
                {
                    MmapThreshold = m.Size;
                    TrimThreshold = 2 * m.Size;
                    Context.Ledger.Note("munmap; mmap threshold raised to " + CostFormat.Bytes(MmapThreshold));
                }
                else
                {
                    Context.Ledger.Note("munmap");
                }

                Context.Unmap(m.Mapping);
                return;
            }

            var chunk = (ArenaHeap.Chunk)block.State;
            _heap.Release(chunk);
            Context.Ledger.Note("chunk returned to the heap");
            if (chunk.Size >= GlibcTunables.ConsolidationThreshold && _heap.TopSize >= TrimThreshold) Trim();
        }

        protected override NativeBlock Allocate(long size, bool clear)
        {
            long nb = GlibcTunables.RequestToChunkSize(size);
            long oldTop = _heap.TopStart;

            // calloc: oldtopsize, raised to the high-water mark because memory below it was used before.
            long oldTopSize = Math.Max(_heap.TopSize, _heap.HighWater - _heap.TopStart);

            var chunk = _heap.TakeFree(nb);
            if (chunk != null)
            {
                Context.Ledger.Note("reused a free heap chunk");
            }
            else if (_heap.TopSize >= nb + GlibcTunables.MinChunk)
            {
                chunk = _heap.CarveFromTop(nb);
                Context.Ledger.Note("carved from the top chunk");
            }
            else if (nb >= MmapThreshold)
            {
                // sysmalloc: "(unsigned long) (nb) >= (unsigned long) (mp_.mmap_threshold)": the chunk
                // size (request + SIZE_SZ, aligned), not the request, meets the threshold.
                return MapChunk(size, nb, clear);
            }
            else
            {
                // sysmalloc: grow the heap by nb + top_pad + MINSIZE less the current top, page-aligned.
                long growBy = VirtualMemory.RoundUpToPage(nb + GlibcTunables.TopPad + GlibcTunables.MinChunk - _heap.TopSize);
                _heap.SetEnd(_heap.End + growBy);
                chunk = _heap.CarveFromTop(nb);
                Context.Ledger.Note("heap grown by brk " + CostFormat.Bytes(growBy));
            }

            long offset = chunk.Offset + GlibcTunables.SizeSz * 2;
            long usable = chunk.Size - GlibcTunables.SizeSz;
            usable = Math.Min(usable, _heap.End - offset);
            var block = new NativeBlock(size, _heap.Mapping, offset, usable, chunk);

            // The chunk header is written (size field; malloc.c set_head).
            Context.Write(_heap.Mapping, chunk.Offset, GlibcTunables.SizeSz * 2);
            if (clear) ClearHeapChunk(block, chunk, oldTop, oldTopSize);
            return block;
        }

        /// <summary>
        /// __libc_calloc: "if (perturb_byte == 0 &amp;&amp; (p == oldtop &amp;&amp; csz &gt; oldtopsize)) csz = oldtopsize;"
        /// with MORECORE_CLEARS: memory fresh from sbrk is already zero, so only the old part of the top is cleared;
        /// any other heap chunk is cleared in full.
        /// </summary>
        private void ClearHeapChunk(NativeBlock block, ArenaHeap.Chunk chunk, long oldTop, long oldTopSize)
        {
            long clear = block.Usable;
            if (chunk.Offset == oldTop && chunk.Size > oldTopSize)
            {
                clear = Math.Max(0, Math.Min(clear, oldTopSize - GlibcTunables.SizeSz * 2));
                Context.Ledger.Note("fresh sbrk memory is zero: memset only the old top, " + CostFormat.Bytes(clear));
            }
            else
            {
                Context.Ledger.Note("memset " + CostFormat.Bytes(clear));
            }

            Context.Clear(block.Mapping, block.Offset, clear);
        }

        private NativeBlock MapChunk(long size, long nb, bool clear)
        {
            // sysmalloc_mmap: size = ALIGN_UP (nb + SIZE_SZ, pagesize); calloc never clears an mmapped chunk.
            long mapped = VirtualMemory.RoundUpToPage(nb + GlibcTunables.SizeSz);
            int mapping = Context.Map(mapped);
            Context.Ledger.Note("mmap " + CostFormat.Bytes(mapped) + (clear ? ": fresh pages are zero, nothing cleared" : string.Empty));
            Context.Write(mapping, 0, GlibcTunables.SizeSz * 2);
            return new NativeBlock(size, mapping, GlibcTunables.SizeSz * 2, mapped - GlibcTunables.SizeSz * 2, new MmappedChunk(mapping, mapped));
        }

        /// <summary>systrim: give back top memory beyond top_pad (sbrk with a negative increment).</summary>
        private void Trim()
        {
            long extra = (_heap.TopSize - GlibcTunables.TopPad - GlibcTunables.MinChunk - 1) / VirtualMemory.PageSize * VirtualMemory.PageSize;
            if (extra <= 0) return;
            _heap.SetEnd(_heap.End - extra);
            Context.Ledger.Note("heap trimmed by " + CostFormat.Bytes(extra));
        }

        private sealed class MmappedChunk
        {
            public MmappedChunk(int mapping, long size)
            {
                Mapping = mapping;
                Size = size;
            }

            public int Mapping { get; }
            public long Size { get; }
        }
    }
}
