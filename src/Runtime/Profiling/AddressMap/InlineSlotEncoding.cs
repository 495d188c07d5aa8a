namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// Packs a slot's only entry into the slot itself. At the sampling rates the map is made for,
    /// most slots hold one live sample at most, so most entries need no entry storage at all: this
    /// is what lets the map beat a general hash map on memory, not only Go's 2012 map.
    /// </summary>
    /// <remarks>
    /// A slot word is 0 when empty, a positive entry handle when it heads a list, and negative
    /// (bit 63 set) when it holds one entry inline: the address bits below the slot, the bucket id
    /// and the block size, in that order from the top. A block that does not fit (slot span over
    /// 2^16 bytes, bucket id of 2^20 or more, size too large) goes to a list entry instead.
    /// </remarks>
    internal readonly struct InlineSlotEncoding
    {
        private const int BucketBits = 20;
        private const int MaxOffsetBits = 16;

        private readonly int _offsetBits;
        private readonly int _sizeBits;

        public InlineSlotEncoding(int slotSpanBits)
        {
            _offsetBits = slotSpanBits;
            _sizeBits = 63 - BucketBits - slotSpanBits;
        }

        public static bool IsInline(long word) => word < 0;

        public bool TryEncode(ulong offset, int bucket, long size, out long word)
        {
            word = 0;
            if (_offsetBits > MaxOffsetBits || (uint)bucket >= 1u << BucketBits || size < 0 || size >= 1L << _sizeBits) return false;
            word = long.MinValue | (long)(offset << (BucketBits + _sizeBits)) | ((long)bucket << _sizeBits) | size;
            return true;
        }

        public ulong Offset(long word) => ((ulong)word >> (BucketBits + _sizeBits)) & ((1UL << _offsetBits) - 1);

        public int Bucket(long word) => (int)((word >> _sizeBits) & ((1L << BucketBits) - 1));

        public long Size(long word) => word & ((1L << _sizeBits) - 1);
    }
}
