using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Pages;

namespace AllocAnalyzers.Runtime.Model.Simulation
{
    /// <summary>
    /// What an allocator model works against: the process's virtual memory and the ledger that prices
    /// events. Memory operations here both change the page state and charge their faults and calls.
    /// </summary>
    public sealed class SimulationContext
    {
        public SimulationContext(CostProfile profile)
        {
            Memory = new VirtualMemory();
            Ledger = new CostLedger(profile);
        }

        public VirtualMemory Memory { get; }
        public CostLedger Ledger { get; }

        /// <summary>mmap / VirtualAlloc / vm_allocate of fresh demand-zero memory.</summary>
        public int Map(long bytes)
        {
            Ledger.MapCall();
            return Memory.Map(bytes);
        }

        /// <summary>munmap / VirtualFree(MEM_RELEASE).</summary>
        public void Unmap(int mapping) => Ledger.UnmapCall(Memory.Unmap(mapping));

        /// <summary>brk/sbrk moving the end of a heap mapping.</summary>
        public void Resize(int mapping, long bytes)
        {
            Ledger.MapCall();
            long released = Memory.Resize(mapping, bytes);
            if (released > 0) Ledger.Totals.Seconds += released * Ledger.Profile.UnmapSecondsPerResidentPage;
        }

        /// <summary>madvise / decommit of whole pages in a range.</summary>
        public void Decommit(int mapping, long offset, long length) =>
            Ledger.AdviseCall(Memory.Decommit(mapping, offset, length));

        /// <summary>The program (or a memset) writes a range: charges first-touch faults.</summary>
        public void Write(int mapping, long offset, long length) =>
            Ledger.PageFaults(Memory.Write(mapping, offset, length), VirtualMemory.PageSize);

        /// <summary>The program reads a range: untouched pages map the zero page.</summary>
        public void Read(int mapping, long offset, long length) =>
            Ledger.ZeroPageFaults(Memory.Read(mapping, offset, length));

        /// <summary>The allocator clears a range with memset: the write faults first, then the stores.</summary>
        public void Clear(int mapping, long offset, long length)
        {
            Write(mapping, offset, length);
            Ledger.Memset(length);
        }

        /// <summary>Clears a block reused from the allocator's cache of freed blocks, priced as such.</summary>
        public void ClearReusedBlock(int mapping, long offset, long length)
        {
            Write(mapping, offset, length);
            Ledger.ClearReusedBlock(length);
        }
    }
}
