namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>glibc malloc's constants (64-bit), each from glibc's malloc/malloc.c unless noted.</summary>
    public static class GlibcTunables
    {
        /// <summary><c>SIZE_SZ</c> = sizeof(size_t): the chunk header word.</summary>
        public const long SizeSz = 8;

        /// <summary><c>MALLOC_ALIGNMENT</c> = 2 * SIZE_SZ on x86-64.</summary>
        public const long Alignment = 16;

        /// <summary><c>MINSIZE</c>: the smallest chunk (4 words, rounded to the alignment).</summary>
        public const long MinChunk = 32;

        /// <summary><c>DEFAULT_MMAP_THRESHOLD_MIN</c> = 128 * 1024: the initial mmap threshold.</summary>
        public const long MmapThresholdMin = 128 * 1024;

        /// <summary><c>DEFAULT_MMAP_THRESHOLD_MAX</c> = 4 * 1024 * 1024 * sizeof(long) = 32 MiB on 64-bit: the dynamic threshold's ceiling.</summary>
        public const long MmapThresholdMax = 4L * 1024 * 1024 * 8;

        /// <summary><c>DEFAULT_TRIM_THRESHOLD</c> = 128 * 1024: the initial trim threshold.</summary>
        public const long TrimThreshold = 128 * 1024;

        /// <summary><c>M_TOP_PAD</c> default, 128 * 1024 (mallopt(3)): extra bytes asked of sbrk and kept at trim.</summary>
        public const long TopPad = 128 * 1024;

        /// <summary><c>FASTBIN_CONSOLIDATION_THRESHOLD</c> = 65536: only frees of chunks this large check the trim threshold.</summary>
        public const long ConsolidationThreshold = 65536;

        /// <summary><c>IS_MMAPPED</c> = 0x2: the flag bit set in an mmapped chunk's size field.</summary>
        public const long IsMmappedBit = 0x2;

        /// <summary><c>request2size</c>: the chunk size for a request of <paramref name="bytes"/>.</summary>
        public static long RequestToChunkSize(long bytes)
        {
            long size = checked(bytes + SizeSz + Alignment - 1) & ~(Alignment - 1);
            return size < MinChunk ? MinChunk : size;
        }
    }
}
