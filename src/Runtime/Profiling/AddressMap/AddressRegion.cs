namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The second level: 2^RegionShift bytes of address space (1 MiB by default) with a dense
    /// array of entry lists indexed by the next DenseBits bits, as Go's AddrHash. A slot holds
    /// the handle of its first entry in 8 bytes, the size of Go's pointer, so a region costs what
    /// Go's did: 2^13 slots are 64 KiB, 2^8 are 2 KiB. Regions are never removed (Go did not
    /// remove them either): that lets a lookup read the hash chains without the lock.
    /// </summary>
    internal sealed class AddressRegion
    {
        public AddressRegion(ulong key, int denseBits, AddressRegion? next)
        {
            Key = key;
            Dense = new long[1 << denseBits];
            Next = next;
        }

        /// <summary>The address shifted right by the region shift.</summary>
        public readonly ulong Key;

        /// <summary>Next region in the same hash chain; set before the region is published.</summary>
        public readonly AddressRegion? Next;

        /// <summary>Handle of the first entry of each slot, 0 when empty.</summary>
        public readonly long[] Dense;

        /// <summary>Instance (three 8-byte fields on 64-bit) plus its dense array.</summary>
        public static long Bytes(int denseBits) =>
            ClrObjectLayout.InstanceBytes(sizeof(ulong) + 2L * ClrObjectLayout.PointerSize)
            + ClrObjectLayout.AlignToPointer(ClrObjectLayout.ArrayHeaderBytes + sizeof(long) * (1L << denseBits));
    }
}
