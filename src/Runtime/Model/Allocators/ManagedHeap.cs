using System;
using System.Collections.Generic;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Pages;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// The .NET GC as far as array allocation cost goes (dotnet/runtime src/coreclr/gc):
    /// small objects come from allocation contexts cleared in advance and die in gen 0; objects of
    /// 85,000 bytes or more go to the Large Object Heap, are cleared at allocation and are reclaimed
    /// only by gen 2 collections, after which the GC reuses their space (still resident) for new large
    /// objects; pinned arrays go to the Pinned Object Heap (also collected with gen 2). Arrays are
    /// loop-local: each dies at once. Fresh memory is charged its first-touch faults when cleared.
    /// </summary>
    public sealed class ManagedHeap
    {
        /// <summary>gc.h: <c>LARGE_OBJECT_SIZE = 85000</c> (GCLOHThreshold can only raise it).</summary>
        public const long LargeObjectThreshold = 85000;

        /// <summary>
        /// Where <c>GC.AllocateUninitializedArray&lt;T&gt;</c> really skips zeroing. In dotnet/runtime
        /// (src/coreclr/System.Private.CoreLib/src/System/GC.CoreCLR.cs, <c>AllocateUninitializedArray</c>), an
        /// unpinned request falls back to <c>new T[length]</c> when
        /// <c>RuntimeHelpers.IsReferenceOrContainsReferences&lt;T&gt;()</c> or when
        /// <c>length &lt; 2048 / Unsafe.SizeOf&lt;T&gt;()</c> ("small arrays are allocated using new[] as that is
        /// generally faster"); only larger arrays get <c>GC_ALLOC_ZEROING_OPTIONAL</c>.
        /// </summary>
        public const long UninitializedMinBytes = 2048;

        /// <summary>
        /// Allocation contexts are at least <c>CLR_SIZE</c> = 8 KiB + 32 bytes (dotnet/runtime src/coreclr/gc/gc.cpp,
        /// gcinternal.h in newer sources: <c>#define CLR_SIZE ((size_t)(8*1024+32))</c>): a larger small object never
        /// fits the current context and takes the allocator's slow path.
        /// </summary>
        public const long AllocationQuantum = 8 * 1024 + 32;

        /// <summary>Array header on 64-bit: object header, method table pointer, length (3 × 8 bytes).</summary>
        public const long ArrayOverhead = 24;

        private readonly SimulationContext _context;
        private readonly List<(int Mapping, long Size)> _deadLargeObjects = new List<(int, long)>();
        private readonly List<(int Mapping, long Size)> _freeLargeSpace = new List<(int, long)>();
        private readonly Dictionary<long, int> _hoisted = new Dictionary<long, int>();
        private readonly int _gen0;
        private long _gen0Used;
        private long _uohSinceGen2;

        public ManagedHeap(SimulationContext context)
        {
            _context = context;
            // Gen 0 is in use long before any loop of interest runs: its pages are resident from the start, so a
            // loop's steady state shows no first-touch faults there.
            long gen0Budget = context.Ledger.Profile.Gen0BudgetBytes;
            _gen0 = context.Memory.Map(gen0Budget);
            context.Memory.Write(_gen0, 0, VirtualMemory.RoundUpToPage(gen0Budget));
        }

        /// <summary>
        /// True when <c>GC.AllocateUninitializedArray&lt;T&gt;(length)</c> (unpinned, T without references) still returns a
        /// zeroed <c>new T[length]</c>: the runtime's own test, <c>length &lt; 2048 / sizeof(T)</c>, integer division included.
        /// </summary>
        public static bool UninitializedArrayIsZeroed(long length, long elementSize) =>
            elementSize <= 0 || length < UninitializedMinBytes / elementSize;

        /// <summary>True when an array of <paramref name="bytes"/> payload bytes lands on the Large Object Heap.</summary>
        public static bool IsLarge(long bytes) => bytes + ArrayOverhead >= LargeObjectThreshold;

        /// <summary>Allocates an array of <paramref name="bytes"/> payload bytes that becomes garbage at once.</summary>
        public void AllocateArray(long bytes, ManagedArrayKind kind)
        {
            if (bytes < 0) throw new ArgumentOutOfRangeException(nameof(bytes));
            long size = (bytes + ArrayOverhead + 7) / 8 * 8;
            bool pinned = kind == ManagedArrayKind.Pinned || kind == ManagedArrayKind.PinnedUninitialized;
            bool zero = kind == ManagedArrayKind.Zeroed || kind == ManagedArrayKind.Pinned
                || (kind == ManagedArrayKind.Uninitialized && bytes < UninitializedMinBytes);
            if (kind == ManagedArrayKind.Uninitialized && bytes < UninitializedMinBytes)
            {
                _context.Ledger.Note("under " + CostFormat.Count(UninitializedMinBytes) + " bytes: AllocateUninitializedArray falls back to new T[n]");
            }

            bool large = pinned || size >= LargeObjectThreshold;
            _context.Ledger.ManagedAllocation(large);
            if (large) AllocateUserOldHeap(size, zero, pinned ? "Pinned Object Heap" : "Large Object Heap");
            else AllocateSmall(size, zero);
        }

        /// <summary>Clears a live buffer of <paramref name="bytes"/> (a hoisted buffer with Array.Clear).</summary>
        public void ClearLiveBuffer(long bytes)
        {
            if (!_hoisted.TryGetValue(bytes, out int mapping))
            {
                mapping = _context.Memory.Map(bytes);
                _hoisted.Add(bytes, mapping);
            }

            _context.Ledger.Note(LiveBufferClearPath(bytes));
            _context.Clear(mapping, 0, bytes);
        }

        /// <summary>How a clear of a live buffer is described in a path.</summary>
        internal static string LiveBufferClearPath(long bytes) => "memset of a live buffer, " + CostFormat.Bytes(bytes);

        private void AllocateSmall(long size, bool zero)
        {
            var ledger = _context.Ledger;
            long budget = ledger.Profile.Gen0BudgetBytes;
            if (_gen0Used + size > budget)
            {
                // Gen 0 is full: collect it (everything in it is dead) and reuse its memory.
                ledger.Gen0Collection();
                ledger.Note("gen 0 collection");
                _gen0Used = 0;
            }

            if (size > AllocationQuantum)
            {
                ledger.Totals.Seconds += ledger.Profile.SmallSlowPathSeconds;
                ledger.Note("larger than an allocation context: the allocator's slow path");
            }

            long offset = _gen0Used;
            _gen0Used += size;
            if (zero)
            {
                // Allocation contexts are cleared when handed out (memclr up to the used mark), i.e. in advance.
                // The contexts cycle through the whole gen 0 budget, so the clear runs at that working set's bandwidth.
                ledger.Note("small-object heap: cleared with its allocation context, " + CostFormat.Bytes(size));
                long length = Math.Min(size, budget - offset);
                _context.Write(_gen0, offset, length);
                ledger.Memset(length, workingSet: budget);
            }
            else
            {
                ledger.Note("small-object heap, not cleared (GC_ALLOC_ZEROING_OPTIONAL)");
            }
        }

        private void AllocateUserOldHeap(long size, bool zero, string heap)
        {
            var ledger = _context.Ledger;
            bool collected = _uohSinceGen2 + size > ledger.Profile.LohBytesPerGen2 && _uohSinceGen2 > 0;
            if (collected) CollectGen2(size);

            // First fit in the space the last gen 2 freed; otherwise fresh, demand-zero memory.
            int index = _freeLargeSpace.FindIndex(f => f.Size >= size);
            int mapping;
            if (index >= 0)
            {
                mapping = _freeLargeSpace[index].Mapping;
                size = _freeLargeSpace[index].Size;
                _freeLargeSpace.RemoveAt(index);
            }
            else
            {
                mapping = _context.Memory.Map(size);
            }

            _uohSinceGen2 += size;
            _deadLargeObjects.Add((mapping, size));

            // Loop-local large objects: the space freed by the last gen 2 is reused while still resident, so the
            // clear is a memset (and only fresh space takes first-touch faults).
            if (zero)
            {
                ledger.Note(heap + ": cleared at allocation, " + CostFormat.Bytes(size));
                _context.Clear(mapping, 0, size);
            }
            else
            {
                ledger.Note(heap + ": not cleared (GC_ALLOC_ZEROING_OPTIONAL)");
                _context.Memory.Write(mapping, 0, ArrayOverhead);
            }

            if (collected) ledger.Note("after a gen 2 collection (LOH budget of " + CostFormat.Bytes(ledger.Profile.LohBytesPerGen2) + " used)");
        }

        /// <summary>
        /// A full collection: gen 0 is emptied and every dead large or pinned object's space becomes free for
        /// reuse; the GC keeps about two budgets' worth, or two of the objects being allocated if they are larger
        /// (measured: a loop of 16 MiB arrays clears at memset speed, so their space stays resident), and
        /// releases the rest.
        /// </summary>
        private void CollectGen2(long allocating)
        {
            var ledger = _context.Ledger;
            ledger.Gen2Collection();
            _freeLargeSpace.AddRange(_deadLargeObjects);
            _deadLargeObjects.Clear();
            long kept = 0;
            for (int i = 0; i < _freeLargeSpace.Count; i++)
            {
                kept += _freeLargeSpace[i].Size;
                if (kept <= 2 * Math.Max(ledger.Profile.LohBytesPerGen2, allocating)) continue;
                _context.Memory.Unmap(_freeLargeSpace[i].Mapping);
                _freeLargeSpace.RemoveAt(i--);
            }

            _uohSinceGen2 = 0;
            _gen0Used = 0;
        }
    }
}
