namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The third level: one tracked block. Like Go's AddrEntry it keeps only the address bits
    /// below its region (the region knows the rest) and its bucket; the block's size fits in the
    /// padding Go's entry had, so a free can be attributed in bytes.
    /// </summary>
    internal sealed class AddressEntry<TBucket>
        where TBucket : class
    {
        /// <summary>Next entry in the same dense slot, or next free entry in the pool.</summary>
        public AddressEntry<TBucket>? Next;

        public TBucket? Bucket;

        /// <summary>Address bits below the region shift.</summary>
        public uint LowBits;

        /// <summary>Size of the sampled block, saturated at uint.MaxValue.</summary>
        public uint Size;

        /// <summary>Field bytes after CoreCLR's layout: two references, then two 4-byte fields.</summary>
        public static long InstanceBytes => ClrObjectLayout.InstanceBytes(2L * ClrObjectLayout.PointerSize + 2 * sizeof(uint));
    }
}
