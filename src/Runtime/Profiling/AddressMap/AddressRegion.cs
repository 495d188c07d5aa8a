namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The second level: 2^RegionShift bytes of address space (1 MiB by default) with a dense
    /// array of entry lists indexed by the next DenseBits bits, as Go's AddrHash.
    /// Regions are never removed (Go did not remove them either): that lets a lookup read the
    /// hash chains without the lock.
    /// </summary>
    internal sealed class AddressRegion<TBucket>
        where TBucket : class
    {
        public AddressRegion(ulong key, int denseBits, AddressRegion<TBucket>? next)
        {
            Key = key;
            Dense = new AddressEntry<TBucket>?[1 << denseBits];
            Next = next;
        }

        /// <summary>The address shifted right by the region shift.</summary>
        public readonly ulong Key;

        /// <summary>Next region in the same hash chain; set once before the region is published.</summary>
        public readonly AddressRegion<TBucket>? Next;

        /// <summary>Heads of the entry lists, one per slot.</summary>
        public readonly AddressEntry<TBucket>?[] Dense;

        /// <summary>Instance (three pointer-sized fields) plus its dense array.</summary>
        public static long Bytes(int denseBits) =>
            ClrObjectLayout.InstanceBytes(3L * ClrObjectLayout.PointerSize) + ClrObjectLayout.ReferenceArrayBytes(1L << denseBits);
    }
}
