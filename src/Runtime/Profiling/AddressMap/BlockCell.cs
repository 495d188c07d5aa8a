namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// One tracked block in 32 bits: the address bits below its slot and its bucket id. Go's entry
    /// kept the low 20 bits of the address and a bucket pointer (24 bytes with its link); here the
    /// slot already says every bit above the slot, so only those below it are kept, and the bucket
    /// is a number. A slot (8 bytes, a pointer's width as in Go) holds two cells, so at the
    /// sampling rates the map is made for, most blocks cost nothing beyond their region's slot.
    /// </summary>
    /// <remarks>
    /// A cell is 0 (none), a block (bit 31 set) or the handle of a chain node (bit 31 clear). A
    /// block's bits below bit 31: the offset within the slot (region shift − dense bits: 12 with the
    /// defaults), then the bucket id in the bits left (19 with the defaults: 524,287 ids). A bucket
    /// id that does not fit is written as the all-ones id: the map keeps the real id aside, by address.
    /// </remarks>
    internal readonly struct BlockCell
    {
        public const uint None = 0;
        private const uint BlockFlag = 1u << 31;

        private readonly int _bucketBits;
        private readonly uint _bucketMask;

        /// <param name="slotSpanBits">Address bits below a slot (at most <see cref="AddressMapOptions.MaxSlotSpanBits"/>).</param>
        public BlockCell(int slotSpanBits)
        {
            _bucketBits = 31 - slotSpanBits;
            _bucketMask = (1u << _bucketBits) - 1;
        }

        /// <summary>The id written for a block whose bucket is kept aside.</summary>
        public int OverflowBucket => (int)_bucketMask;

        public static bool IsBlock(uint cell) => (cell & BlockFlag) != 0;

        /// <summary>A node handle: neither empty nor a block.</summary>
        public static bool IsHandle(uint cell) => cell != None && !IsBlock(cell);

        public bool Fits(int bucket) => (uint)bucket < _bucketMask;

        /// <summary>A block; a bucket that does not <see cref="Fits"/> becomes <see cref="OverflowBucket"/>.</summary>
        public uint Encode(uint offset, int bucket) =>
            BlockFlag | (offset << _bucketBits) | (Fits(bucket) ? (uint)bucket : _bucketMask);

        public uint Offset(uint cell) => (cell & ~BlockFlag) >> _bucketBits;

        public int Bucket(uint cell) => (int)(cell & _bucketMask);
    }
}
