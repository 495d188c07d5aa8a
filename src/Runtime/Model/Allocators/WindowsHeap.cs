using System;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Pages;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// The Windows NT heap behind the UCRT's malloc/calloc (calloc = HeapAlloc(HEAP_ZERO_MEMORY)).
    /// Blocks above the heap's virtual-memory threshold come straight from VirtualAlloc, whose pages
    /// are demand-zero, so nothing is cleared; smaller blocks come from heap segments and
    /// HEAP_ZERO_MEMORY clears the whole block.
    /// </summary>
    public sealed class WindowsHeap : NativeAllocator
    {
        /// <summary>
        /// The growable heap's VirtualAlloc threshold on 64-bit: "slightly less than 1,024 KB" (HeapCreate docs),
        /// 1020 KiB; 0x7F000 (508 KiB) on 32-bit (RtlCreateHeap VirtualMemoryThreshold).
        /// </summary>
        public const long VirtualAllocThreshold = 1020 * 1024;

        /// <summary>Heap entry header on 64-bit (HEAP_ENTRY, 16 bytes) and the allocation granularity.</summary>
        private const long Granularity = 16;

        private readonly ArenaHeap _segments;

        public WindowsHeap(SimulationContext context)
            : base(context)
        {
            _segments = new ArenaHeap(context, Granularity * 2);
        }

        public override string Name => "Windows NT heap";

        protected override void Release(NativeBlock block)
        {
            if (block.State is VirtualBlock v)
            {
                Context.Unmap(v.Mapping);
                Context.Ledger.Note("VirtualFree");
                return;
            }

            _segments.Release((ArenaHeap.Chunk)block.State);
            Context.Ledger.Note("returned to the heap segment");
        }

        protected override NativeBlock Allocate(long size, bool clear)
        {
            long rounded = Math.Max(Granularity, (size + Granularity - 1) / Granularity * Granularity) + Granularity;
            if (size > VirtualAllocThreshold)
            {
                long pages = VirtualMemory.RoundUpToPage(size + Granularity * 2);
                int mapping = Context.Map(pages);
                Context.Ledger.Note("VirtualAlloc " + CostFormat.Bytes(pages) + (clear ? ": demand-zero pages, nothing cleared" : string.Empty));
                Context.Write(mapping, 0, Granularity * 2);
                return new NativeBlock(size, mapping, Granularity * 2, pages - Granularity * 2, new VirtualBlock(mapping));
            }

            var chunk = _segments.TakeFree(rounded);
            if (chunk == null)
            {
                if (_segments.TopSize < rounded)
                {
                    // Segments grow by committing at least 64 KiB (the allocation granularity of VirtualAlloc).
                    _segments.SetEnd(_segments.End + Math.Max(64 * 1024, VirtualMemory.RoundUpToPage(rounded - _segments.TopSize)));
                    Context.Ledger.Note("heap segment committed more memory");
                }

                chunk = _segments.CarveFromTop(rounded);
            }

            var block = new NativeBlock(size, _segments.Mapping, chunk.Offset + Granularity, rounded - Granularity, chunk);
            Context.Write(_segments.Mapping, chunk.Offset, Granularity);
            if (clear)
            {
                // HEAP_ZERO_MEMORY clears the block whether or not its memory is fresh.
                Context.Ledger.Note("HEAP_ZERO_MEMORY: memset " + CostFormat.Bytes(block.Usable));
                Context.Clear(block.Mapping, block.Offset, block.Usable);
            }
            else
            {
                Context.Ledger.Note("heap block");
            }

            return block;
        }

        private sealed class VirtualBlock
        {
            public VirtualBlock(int mapping) => Mapping = mapping;

            public int Mapping { get; }
        }
    }
}
