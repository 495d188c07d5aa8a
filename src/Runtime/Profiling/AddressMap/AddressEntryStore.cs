using System;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// Entries carved in chunks onto a free list, as Go's setaddrbucket allocated 64 AddrEntry at a
    /// time: few allocations, and freed entries are reused instead of becoming garbage. An entry is
    /// named by a handle, 1 + its index (0 means none), so that chains link by a 31-bit number, not by reference.
    /// Not thread-safe: the map calls it under its lock, except <see cref="this[int]"/> reads.
    /// </summary>
    internal sealed class AddressEntryStore
    {
        private const int InitialDirectory = 16;

        private readonly int _chunkShift;
        private readonly int _chunkMask;
        private AddressEntry[][] _chunks = new AddressEntry[InitialDirectory][];
        private uint _free;

        public AddressEntryStore(int entriesPerChunk)
        {
            // Power-of-two chunks: a handle splits into chunk and offset with a shift and a mask.
            _chunkShift = 0;
            while ((1 << _chunkShift) < entriesPerChunk) _chunkShift++;
            _chunkMask = (1 << _chunkShift) - 1;
        }

        public int EntriesPerChunk => 1 << _chunkShift;

        public int Chunks { get; private set; }

        /// <summary>Chunk arrays, live entries and free ones.</summary>
        public long Bytes => Chunks * ClrObjectLayout.AlignToPointer(ClrObjectLayout.ArrayHeaderBytes + (long)EntriesPerChunk * AddressEntry.Bytes);

        /// <summary>The array of chunk references.</summary>
        public long DirectoryBytes => ClrObjectLayout.ReferenceArrayBytes(_chunks.Length);

        public ref AddressEntry this[uint handle] => ref _chunks[(int)((handle - 1) >> _chunkShift)][(int)((handle - 1) & (uint)_chunkMask)];

        public uint Take()
        {
            if (_free == 0) Refill();
            var handle = _free;
            ref var entry = ref this[handle];
            _free = entry.Rest;
            entry.Rest = 0;
            return handle;
        }

        public void Return(uint handle)
        {
            this[handle].Rest = _free;
            _free = handle;
        }

        private void Refill()
        {
            if (Chunks == _chunks.Length) Array.Resize(ref _chunks, _chunks.Length * 2);
            // Handles are 31-bit cells (bit 31 marks a block): 2^31 − 1 nodes at most.
            if ((long)(Chunks + 1) * EntriesPerChunk >= int.MaxValue) throw new InvalidOperationException("The address map is full: 2^31 − 1 chain nodes.");
            var chunk = new AddressEntry[EntriesPerChunk];
            var first = (uint)(Chunks * EntriesPerChunk + 1);
            for (var i = 0; i < chunk.Length; i++) chunk[i].Rest = i + 1 < chunk.Length ? first + (uint)i + 1 : _free;
            _chunks[Chunks++] = chunk;
            _free = first;
        }
    }
}
