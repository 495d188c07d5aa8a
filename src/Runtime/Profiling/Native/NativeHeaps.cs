namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>Picks the best allocator the running runtime has.</summary>
    public static class NativeHeaps
    {
        private static INativeHeap? s_default;

        /// <summary>NativeMemory where the runtime has it, else Marshal's HGlobal functions.</summary>
        public static INativeHeap Default => s_default ??= (INativeHeap?)NativeMemoryHeap.TryCreate() ?? new HGlobalHeap();

        /// <summary>Marshal's HGlobal functions, whatever the runtime.</summary>
        public static INativeHeap HGlobal { get; } = new HGlobalHeap();
    }
}
