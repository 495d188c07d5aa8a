using System.Runtime.InteropServices;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The third level: one tracked block, 16 bytes, stored in chunk arrays rather than as an object
    /// (an object would add a 16-byte header and two 8-byte references). Like Go's AddrEntry it
    /// keeps only the address bits below its region and its bucket; it adds the block's size, so
    /// that a free can be attributed in bytes.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct AddressEntry
    {
        /// <summary>Handle of the next entry in the same slot or in the free list; 0 ends the list.</summary>
        public int Next;

        /// <summary>Address bits below the region shift.</summary>
        public uint LowBits;

        /// <summary>Size of the sampled block, saturated at uint.MaxValue.</summary>
        public uint Size;

        /// <summary>The caller's bucket id.</summary>
        public int Bucket;

        public const int Bytes = 16;
    }
}
