namespace AllocAnalyzers.Diagnostics
{
    /// <summary>The rule identifiers: fixed once shipped (AnalyzerReleases.Shipped.md), one page each under docs/rules.</summary>
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
