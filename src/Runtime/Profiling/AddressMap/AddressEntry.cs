using System.Runtime.InteropServices;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The third level, for slots holding three blocks or more: an 8-byte node of a slot's chain,
    /// stored in chunk arrays rather than as an object (an object would add a 16-byte header and
    /// a reference). Like a slot, a node is two cells (<see cref="BlockCell"/>): one block, and the
    /// rest of the chain — the next node's handle, or the chain's last block itself. So a slot with
    /// k ≥ 3 blocks costs k − 2 nodes, under 8 bytes per block; Go spent a 24-byte entry on each.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct AddressEntry
    {
        /// <summary>One block.</summary>
        public uint Block;

        /// <summary>The rest of the chain: a node handle or the last block. In the free list: the
        /// next free handle, 0 at the end.</summary>
        public uint Rest;

        public const int Bytes = 8;
    }
}
