using System;
using System.Collections.Generic;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// An address-ordered heap in one growable mapping: in-use and free chunks below a "top" of
    /// never-carved memory, best-fit reuse with splitting, and coalescing of free neighbours (into the
    /// top when adjacent). The policy around it (when to grow, trim or clear) belongs to each allocator.
    /// </summary>
    internal sealed class ArenaHeap
    {
        private readonly List<Chunk> _chunks = new List<Chunk>();
        private readonly long _minChunk;

        public ArenaHeap(SimulationContext context, long minChunk)
        {
            Context = context;
            _minChunk = minChunk;
            Mapping = context.Memory.Map(0);
        }

        public SimulationContext Context { get; }
        public int Mapping { get; }

        /// <summary>Start of the top chunk (the end of the last carved chunk).</summary>
        public long TopStart { get; private set; }

        /// <summary>End of the heap mapping (the program break).</summary>
        public long End => Context.Memory.LengthOf(Mapping);

        public long TopSize => End - TopStart;

        /// <summary>The furthest the heap end has ever been (glibc's max_system_mem).</summary>
        public long HighWater { get; private set; }

        /// <summary>Best-fit free chunk of at least <paramref name="size"/> bytes, split if the rest is usable; null if none.</summary>
        public Chunk? TakeFree(long size)
        {
            Chunk? best = null;
            foreach (var c in _chunks)
            {
                if (c.Free && c.Size >= size && (best == null || c.Size < best.Size)) best = c;
            }

            if (best == null) return null;
            Split(best, size);
            best.Free = false;
            return best;
        }

        /// <summary>Carves a chunk from the start of the top; the caller ensures the top is big enough.</summary>
        public Chunk CarveFromTop(long size)
        {
            if (size > TopSize) throw new InvalidOperationException("top too small");
            var c = new Chunk(TopStart, size) { Free = false };
            _chunks.Add(c);
            TopStart += size;
            return c;
        }

        /// <summary>Moves the heap end (brk) to <paramref name="newEnd"/>.</summary>
        public void SetEnd(long newEnd)
        {
            Context.Resize(Mapping, newEnd);
            HighWater = Math.Max(HighWater, End);
        }

        /// <summary>Frees a chunk, merging it with free neighbours and into the top when adjacent.</summary>
        public void Release(Chunk chunk)
        {
            chunk.Free = true;
            int i = _chunks.IndexOf(chunk);
            if (i + 1 < _chunks.Count && _chunks[i + 1].Free)
            {
                chunk.Size += _chunks[i + 1].Size;
                _chunks.RemoveAt(i + 1);
            }

            if (i > 0 && _chunks[i - 1].Free)
            {
                _chunks[i - 1].Size += chunk.Size;
                _chunks.RemoveAt(i);
                chunk = _chunks[i - 1];
                i--;
            }

            if (chunk.End == TopStart)
            {
                TopStart = chunk.Offset;
                _chunks.RemoveAt(i);
            }
        }

        private void Split(Chunk c, long size)
        {
            long rest = c.Size - size;
            if (rest < _minChunk) return;
            c.Size = size;
            _chunks.Insert(_chunks.IndexOf(c) + 1, new Chunk(c.Offset + size, rest) { Free = true });
        }

        internal sealed class Chunk
        {
            public Chunk(long offset, long size)
            {
                Offset = offset;
                Size = size;
            }

            public long Offset { get; }
            public long Size { get; set; }
            public bool Free { get; set; }
            public long End => Offset + Size;
        }
    }
}
