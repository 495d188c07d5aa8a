namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// Entries carved in chunks onto a free list, as Go's setaddrbucket allocated 64 AddrEntry at a
    /// time: fewer allocations, and freed entries are reused instead of becoming garbage.
    /// Not thread-safe: the map calls it under its lock.
    /// </summary>
    internal sealed class AddressEntryPool<TBucket>
        where TBucket : class
    {
        private readonly int _entriesPerChunk;
        private AddressEntry<TBucket>? _free;

        public AddressEntryPool(int entriesPerChunk) => _entriesPerChunk = entriesPerChunk;

        public int Chunks { get; private set; }

        public long Bytes => (long)Chunks * _entriesPerChunk * AddressEntry<TBucket>.InstanceBytes;

        public AddressEntry<TBucket> Take()
        {
            if (_free is null) Refill();
            var entry = _free!;
            _free = entry.Next;
            entry.Next = null;
            return entry;
        }

        public void Return(AddressEntry<TBucket> entry)
        {
            entry.Bucket = null; // let the bucket go if the site table drops it
            entry.Next = _free;
            _free = entry;
        }

        private void Refill()
        {
            for (var i = 0; i < _entriesPerChunk; i++)
            {
                _free = new AddressEntry<TBucket> { Next = _free };
            }
            Chunks++;
        }
    }
}
