namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// One block in one 64-bit word, so that a slot's only block lives in the slot itself and the
    /// blocks of a shared slot take 8 bytes each in its chain (<see cref="AddressEntry"/>). At the
    /// sampling rates the map is made for, most slots hold one live sample at most: this is what
    /// lets the map beat a general hash map on memory, not only Go's 2012 map.
    /// </summary>
    /// <remarks>
    /// A word is negative (bit 63 set), which tells it from a node handle (positive) and an empty
    /// slot (0). Below that bit: the address bits below the slot (as Go's entry kept only the low
    /// bits, here only those the slot does not already say), the bucket id (20 bits) and the
    /// block size (the bits left: 31 with the defaults, so up to 2 GiB). A block whose bucket id or
    /// size does not fit is written as an overflow word (bucket id all ones, size 0): the map keeps
    /// its bucket and size aside, by address.
    /// </remarks>
    internal readonly struct InlineSlotEncoding
    {
        private const int BucketBits = 20;
        private const int OverflowBucket = (1 << BucketBits) - 1;

        private readonly int _offsetBits;
        private readonly int _sizeBits;

        /// <param name="slotSpanBits">Bits of address below the slot (region shift − dense bits, at most 32).</param>
        public InlineSlotEncoding(int slotSpanBits)
        {
            _offsetBits = slotSpanBits;
            _sizeBits = 63 - BucketBits - slotSpanBits;
        }

        public static bool IsInline(long word) => word < 0;

        public bool TryEncode(ulong offset, int bucket, long size, out long word)
        {
            word = 0;
            if ((uint)bucket >= OverflowBucket || size < 0 || size >= 1L << _sizeBits) return false;
            word = Encode(offset, bucket, size);
            return true;
        }

        /// <summary>The word of a block whose bucket and size are kept aside.</summary>
        public long Overflow(ulong offset) => Encode(offset, OverflowBucket, 0);

        public bool IsOverflow(long word) => Bucket(word) == OverflowBucket;

        public ulong Offset(long word) => ((ulong)word >> (BucketBits + _sizeBits)) & ((1UL << _offsetBits) - 1);

        public int Bucket(long word) => (int)((word >> _sizeBits) & ((1L << BucketBits) - 1));

        public long Size(long word) => word & ((1L << _sizeBits) - 1);

        private long Encode(ulong offset, int bucket, long size) =>
            long.MinValue | (long)(offset << (BucketBits + _sizeBits)) | ((long)bucket << _sizeBits) | size;
    }
}
