using System;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// The granularity of an <see cref="AddressMap"/>: how the bits of an address are split
    /// between the three levels of the Go heap profiler's map (src/pkg/runtime/mprof.goc, 2012).
    /// </summary>
    /// <remarks>
    /// Defaults are Go's after commit baf91c31 ("runtime: lower memory overhead of heap profiling"):
    /// <list type="bullet">
    /// <item><see cref="HashBits"/> = 12: 4096 hash chains, about one region per chain up to 4 GiB of
    /// touched address space, so a lookup walks one region on average.</item>
    /// <item><see cref="RegionShift"/> = 20: a region covers 1 MiB, so the heap's clustering (objects
    /// allocated next to each other) puts most live samples in few regions.</item>
    /// <item><see cref="DenseBits"/> = 8: one dense slot per 4 KiB. With a sampling rate of a few KiB
    /// or more, a slot holds about one live sampled block at most, so the cells below stay in the slot;
    /// the region costs 2^8 pointers (2 KiB on 64-bit) instead of 2^13 (64 KiB), the seed's saving.
    /// Raise it only for a sampling rate well below 4 KiB.</item>
    /// </list>
    /// </remarks>
    public sealed class AddressMapOptions
    {
        /// <summary>Go's values: 12 hash bits, 1 MiB regions, 4 KiB dense slots.</summary>
        public static AddressMapOptions Default { get; } = new AddressMapOptions(hashBits: 12, regionShift: 20, denseBits: 8);

        /// <summary>Go's map before the seed commit: 128-byte dense slots (2^13 per MiB).</summary>
        public static AddressMapOptions Go2012Before { get; } = new AddressMapOptions(hashBits: 12, regionShift: 20, denseBits: 13);

        /// <summary>Most address bits a slot may cover: a block's cell keeps them and, in the 11 bits or
        /// more left, its bucket id (larger ids are kept aside, slower).</summary>
        public const int MaxSlotSpanBits = 20;

        /// <summary>Most dense bits: a region's array stays far below the CLR's array limit.</summary>
        public const int MaxDenseBits = 24;

        /// <summary>Entries are allocated this many at a time onto the free list, as Go did.</summary>
        public const int DefaultEntriesPerChunk = 64;

        public AddressMapOptions(int hashBits, int regionShift, int denseBits, int entriesPerChunk = DefaultEntriesPerChunk)
        {
            if (hashBits < 1 || hashBits > 24) throw new ArgumentOutOfRangeException(nameof(hashBits), hashBits, "Use 1 to 24 hash bits.");
            if (regionShift < 1 || regionShift > 32) throw new ArgumentOutOfRangeException(nameof(regionShift), regionShift, "Use a region shift of 1 to 32.");
            if (denseBits < 0 || denseBits > Math.Min(regionShift, MaxDenseBits)) throw new ArgumentOutOfRangeException(nameof(denseBits), denseBits, $"Dense bits must be between 0 and the region shift (at most {MaxDenseBits}).");
            // A block's 32-bit cell keeps the address bits below its slot; the rest is its bucket id.
            if (regionShift - denseBits > MaxSlotSpanBits) throw new ArgumentOutOfRangeException(nameof(denseBits), denseBits, $"A slot may cover at most 2^{MaxSlotSpanBits} bytes: use at least {regionShift - MaxSlotSpanBits} dense bits for a region shift of {regionShift}.");
            if (entriesPerChunk < 1) throw new ArgumentOutOfRangeException(nameof(entriesPerChunk), entriesPerChunk, "Allocate at least one entry per chunk.");
            HashBits = hashBits;
            RegionShift = regionShift;
            DenseBits = denseBits;
            EntriesPerChunk = entriesPerChunk;
        }

        /// <summary>Bits of the top-level hash table (2^HashBits chains of regions).</summary>
        public int HashBits { get; }

        /// <summary>A region covers 2^RegionShift bytes of address space.</summary>
        public int RegionShift { get; }

        /// <summary>A region has 2^DenseBits slots, each covering 2^(RegionShift-DenseBits) bytes.</summary>
        public int DenseBits { get; }

        /// <summary>Entries carved per allocation of the entry store (rounded up to a power of two).</summary>
        public int EntriesPerChunk { get; }

        /// <summary>Bytes of address space behind one dense slot.</summary>
        public long SlotSpanBytes => 1L << (RegionShift - DenseBits);

        public override string ToString() =>
            $"hash bits {HashBits}, regions of 2^{RegionShift} B, {1 << DenseBits} dense slots of {SlotSpanBytes} B";
    }
}
