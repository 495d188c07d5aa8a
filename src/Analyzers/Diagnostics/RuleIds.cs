namespace AllocAnalyzers.Diagnostics
{
    /// <summary>The fixed rule identifiers (shared/SPEC.md §3).</summary>
    public static class RuleIds
    {
        public const string LargeAllocationInLoop = "ALLOC001";
        public const string RedundantClear = "ALLOC002";
        public const string OversizedInteropBuffer = "ALLOC003";
        public const string OverwrittenZeroedAllocation = "ALLOC004";
        public const string LargeZeroedStackalloc = "ALLOC005";
        public const string NativeAllocThenClear = "ALLOC006";
        public const string PlatformAllocatorPathology = "ALLOC007";
        public const string InvalidConfiguration = "ALLOC900";
    }
}
