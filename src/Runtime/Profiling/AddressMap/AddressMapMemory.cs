namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The map's own memory, split like Go's addrmem: regions (with their dense arrays) and entry
    /// chunks grow with the address space and the samples; the top-level table is fixed.
    /// </summary>
    public readonly struct AddressMapMemory
    {
        public AddressMapMemory(long tableBytes, long regionBytes, long entryBytes, int regions, int entryChunks, int liveEntries)
        {
            TableBytes = tableBytes;
            RegionBytes = regionBytes;
            EntryBytes = entryBytes;
            Regions = regions;
            EntryChunks = entryChunks;
            LiveEntries = liveEntries;
        }

        /// <summary>The top-level hash table and the directory of entry chunks (Go kept its table static and did not count it).</summary>
        public long TableBytes { get; }

        /// <summary>Regions with their dense arrays.</summary>
        public long RegionBytes { get; }

        /// <summary>Entry chunks, live and free.</summary>
        public long EntryBytes { get; }

        public int Regions { get; }

        public int EntryChunks { get; }

        public int LiveEntries { get; }

        /// <summary>What Go's profiler called addrmem: regions plus entries.</summary>
        public long AddressBytes => RegionBytes + EntryBytes;

        /// <summary>Everything, the fixed table included.</summary>
        public long TotalBytes => TableBytes + AddressBytes;

        public override string ToString() =>
            $"{AddressBytes} B address map ({Regions} regions, {EntryChunks} entry chunks, {LiveEntries} live) + {TableBytes} B table";
    }
}
