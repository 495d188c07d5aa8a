using System.Runtime.InteropServices;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The third level, for slots holding two blocks or more: a 16-byte node of a slot's chain,
    /// stored in chunk arrays rather than as an object (an object would add a 16-byte header and
    /// references). A node holds one block as an inline word (<see cref="InlineSlotEncoding"/>) and
    /// the rest of the chain: the handle of the next node, or the chain's last block itself as an
    /// inline word. So a slot with k blocks costs k − 1 nodes, 16·(k − 1)/k bytes per block: 8 for
    /// two, 10.7 for three (the first version spent a 16-byte entry on every block of a shared slot).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct AddressEntry
    {
        /// <summary>One block, an inline word (negative).</summary>
        public long Block;

        /// <summary>The rest of the chain: a node handle (positive) or the last block (an inline word,
        /// negative). In the free list: the next free handle, 0 at the end.</summary>
        public long Rest;

        public const int Bytes = 16;
    }
}
