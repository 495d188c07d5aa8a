using System;
using System.Collections.Generic;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Formatting;

namespace AllocAnalyzers.Runtime.Model.Simulation
{
    /// <summary>
    /// Prices every event of a simulation with one cost profile and remembers, per trace operation,
    /// the path the allocator took ("served from the large-block cache: bzero 100 MiB").
    /// </summary>
    public sealed class CostLedger
    {
        private readonly List<string> _notes = new List<string>();
        private string? _operation;
        private double _secondsAtStart;

        public CostLedger(CostProfile profile) => Profile = profile;

        public CostProfile Profile { get; }
        public SimulationTotals Totals { get; } = new SimulationTotals();

        /// <summary>Starts attributing events to <paramref name="operation"/>.</summary>
        public void BeginOperation(string operation)
        {
            _operation = operation;
            _notes.Clear();
            _secondsAtStart = Totals.Seconds;
        }

        /// <summary>Records the path of the current operation.</summary>
        public void EndOperation()
        {
            if (_operation == null) return;
            string path = _notes.Count == 0 ? "no cost" : string.Join("; ", _notes);
            Totals.AddPath(_operation, path, 1, Totals.Seconds - _secondsAtStart);
            _operation = null;
        }

        /// <summary>Adds a step to the current operation's path.</summary>
        public void Note(string step) => _notes.Add(step);

        /// <summary>One memset/bzero/memclr by the allocator or runtime.</summary>
        public void Memset(long bytes) => Memset(bytes, bytes);

        /// <summary>A memset of <paramref name="bytes"/> within a working set of <paramref name="workingSet"/> bytes (which sets its bandwidth).</summary>
        public void Memset(long bytes, long workingSet)
        {
            if (bytes <= 0) return;
            Totals.AllocatorZeroedBytes += bytes;
            Totals.Seconds += bytes / Profile.ZeroingBytesPerSecond(Math.Max(bytes, workingSet));
        }

        /// <summary>The clearing of a whole block reused from an allocator's cache (libmalloc's large-cache bzero).</summary>
        public void ClearReusedBlock(long bytes)
        {
            if (bytes <= 0) return;
            Totals.AllocatorZeroedBytes += bytes;
            Totals.Seconds += Profile.ReusedBlockZeroingSeconds(bytes);
        }

        /// <summary>A memcpy (realloc moving a block): priced at the zeroing bandwidth, not counted as zeroing.</summary>
        public void Copy(long bytes)
        {
            if (bytes <= 0) return;
            Totals.Seconds += Profile.ZeroingSeconds(bytes);
            Note("copied " + CostFormat.Bytes(bytes));
        }

        /// <summary>Write faults: the kernel allocates and zeroes one page each.</summary>
        public void PageFaults(long count, long pageSize)
        {
            if (count <= 0) return;
            Totals.PageFaults += count;
            Totals.KernelZeroedBytes += count * pageSize;
            Totals.Seconds += count * Profile.PageFaultSeconds;
            Note(CostFormat.Count(count) + (count == 1 ? " page fault" : " page faults") + " (kernel zeroes " + CostFormat.Bytes(count * pageSize) + ")");
        }

        /// <summary>Read faults that map the shared zero page.</summary>
        public void ZeroPageFaults(long count)
        {
            if (count <= 0) return;
            Totals.ZeroPageFaults += count;
            Totals.Seconds += count * Profile.ZeroPageFaultSeconds;
        }

        public void MapCall()
        {
            Totals.Syscalls += 1;
            Totals.Seconds += Profile.MapSeconds;
        }

        public void UnmapCall(long residentPagesReleased)
        {
            Totals.Syscalls += 1;
            Totals.Seconds += Profile.UnmapSeconds + residentPagesReleased * Profile.UnmapSecondsPerResidentPage;
        }

        public void AdviseCall(long residentPagesReleased)
        {
            Totals.Syscalls += 1;
            Totals.Seconds += Profile.AdviseSeconds + residentPagesReleased * Profile.UnmapSecondsPerResidentPage;
        }

        /// <summary>
        /// Bookkeeping of one heap call: the per-thread-cache fast path for blocks up to
        /// <see cref="SmallBlockLimit"/> bytes, the bins/top/consolidation path above it.
        /// </summary>
        public void HeapCall(long bytes) => Totals.Seconds += bytes <= SmallBlockLimit ? Profile.HeapCallSeconds : Profile.HeapLargeCallSeconds;

        /// <summary>glibc's tcache serves requests up to 1032 bytes (malloc.c: MAX_TCACHE_SIZE for 64 bins of 16 bytes).</summary>
        public const long SmallBlockLimit = 1032;

        public void ManagedAllocation(bool large) => Totals.Seconds += large ? Profile.LargeAllocationSeconds : Profile.SmallAllocationSeconds;

        public void PoolRentReturn() => Totals.Seconds += Profile.PoolRentReturnSeconds;

        public void Gen0Collection()
        {
            Totals.Gen0Collections += 1;
            Totals.Seconds += Profile.Gen0CollectionSeconds;
        }

        public void Gen2Collection()
        {
            Totals.Gen2Collections += 1;
            Totals.Seconds += Profile.Gen2CollectionSeconds;
        }
    }
}
