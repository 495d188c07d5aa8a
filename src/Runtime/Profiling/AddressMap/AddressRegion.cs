namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The second level: 2^RegionShift bytes of address space (1 MiB by default) with a dense
    /// array of slots indexed by the next DenseBits bits, as Go's AddrHash. A slot is 8 bytes, the
    /// size of Go's pointer, so a region costs what Go's did: 2^13 slots are 64 KiB, 2^8 are 2 KiB.
    /// Go's slot pointed to a list of entries; here it is two cells (<see cref="BlockCell"/>): up to
    /// two blocks, or a block and the handle of a chain. Regions are never removed (Go did not
    /// remove them either): that lets a lookup read the hash chains without the lock.
    /// </summary>
    internal sealed class AddressRegion
    {
        public AddressRegion(ulong key, int denseBits, AddressRegion? next)
        {
            Key = key;
            Dense = new uint[2 << denseBits];
            Next = next;
        }

        /// <summary>The address shifted right by the region shift.</summary>
        public readonly ulong Key;

        /// <summary>Next region in the same hash chain; set before the region is published.</summary>
        public readonly AddressRegion? Next;

        /// <summary>Slot i is cells 2i (its first block, 0 when the slot is empty) and 2i + 1 (none,
        /// a second block, or the handle of the chain holding the others).</summary>
        public readonly uint[] Dense;

        /// <summary>Instance (three 8-byte fields on 64-bit) plus its dense array.</summary>
        public static long Bytes(int denseBits) =>
            ClrObjectLayout.InstanceBytes(sizeof(ulong) + 2L * ClrObjectLayout.PointerSize)
            + ClrObjectLayout.AlignToPointer(ClrObjectLayout.ArrayHeaderBytes + 2L * sizeof(uint) * (1L << denseBits));
    }
}
