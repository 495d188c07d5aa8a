namespace AllocAnalyzers.Runtime.Formatting
{
    /// <summary>
    /// The names of the figures every AllocAnalyzers diagnostic carries in <c>Diagnostic.Properties</c>
    /// (and so in each SARIF result's properties). They are a public contract, documented in
    /// docs/diagnostic-properties.md: add names, never rename or repurpose one. Values are invariant-culture text.
    /// Defined here, in the assembly both the analyzers and the tool reference, so that the writer
    /// and the reader of a SARIF log cannot disagree.
    /// </summary>
    public static class DiagnosticProperties
    {
        /// <summary>Size in bytes of the allocation, block or cleared range the diagnostic is about.</summary>
        public const string Bytes = "Bytes";

        /// <summary>Bytes zeroed for nothing on each occurrence (0 where nothing is zeroed, e.g. an uninitialized buffer).</summary>
        public const string BytesZeroed = "BytesZeroed";

        /// <summary>The model's estimate of the time wasted on each occurrence, in seconds (round-trip "R" format).</summary>
        public const string EstimatedSeconds = "EstimatedSeconds";

        /// <summary>What one occurrence is: one of <see cref="RepetitionValues"/>.</summary>
        public const string Repetition = "Repetition";

        /// <summary>The platform the estimate is for: one of <see cref="PlatformValues"/>.</summary>
        public const string Platform = "Platform";

        /// <summary>The name of the cost profile that priced the estimate, e.g. "linux-x64-reference".</summary>
        public const string CostProfile = "CostProfile";

        /// <summary>The model's account of where the estimated cost comes from (e.g. which allocator path re-zeroes the block).</summary>
        public const string Explanation = "Explanation";

        /// <summary>A hash of the rule, the enclosing type and member and the flagged code: stable when lines move.</summary>
        public const string Fingerprint = "Fingerprint";

        /// <summary>Where a site summary measured the line: bytes allocated there over the whole profile.</summary>
        public const string MeasuredBytes = "MeasuredBytes";

        /// <summary>Where a site summary measured the line: the allocation samples behind <see cref="MeasuredBytes"/>.</summary>
        public const string MeasuredSamples = "MeasuredSamples";

        /// <summary>Where a site summary measured the line: the allocations estimated there over the whole profile.</summary>
        public const string MeasuredCount = "MeasuredCount";

        /// <summary>Where a site summary measured the line: the summary's file name.</summary>
        public const string MeasuredSummary = "MeasuredSummary";

        /// <summary>Where a site summary measured the line: the site's rank by bytes in it (1 = largest).</summary>
        public const string MeasuredRank = "MeasuredRank";

        /// <summary>"false" when the flagged clear is a call of a helper that does more than clear: a fix must not remove the call.</summary>
        public const string ClearRemovable = "ClearRemovable";

        /// <summary>Why a function with no loop of its own runs repeatedly: called-in-loop, contract or per-item-delegate.</summary>
        public const string RepeatedBy = "RepeatedBy";

        /// <summary>The chain of functions from the allocating one to the repeating code, separated by " &lt; " (e.g. "ReadChunk &lt; Fill").</summary>
        public const string RepeatedThrough = "RepeatedThrough";

        /// <summary>What repeats the chain: the function with the loop, the overridden member, or the API ("Download", "Stream.Read", "Parallel.For").</summary>
        public const string RepeatedOrigin = "RepeatedOrigin";

        /// <summary>Where the repeating loop or API call is, as file:line; absent for a contract.</summary>
        public const string RepeatedAt = "RepeatedAt";
    }

    /// <summary>The values of <see cref="DiagnosticProperties.Repetition"/>.</summary>
    public static class RepetitionValues
    {
        /// <summary>Every iteration of the enclosing loop.</summary>
        public const string LoopIteration = "loop-iteration";

        /// <summary>Every call of the enclosing method.</summary>
        public const string Call = "call";

        /// <summary>Every time the flagged code runs.</summary>
        public const string Execution = "execution";

        /// <summary>Every allocation a profile's site summary measured at the line (ALLOC001 found from measured evidence).</summary>
        public const string MeasuredAllocation = "measured-allocation";
    }

    /// <summary>The values of <see cref="DiagnosticProperties.Platform"/>.</summary>
    public static class PlatformValues
    {
        public const string Linux = "linux";
        public const string MacOS = "macos";
        public const string Windows = "windows";

        /// <summary>A profile measured by the user with <c>alloc-analyzers calibrate</c>.</summary>
        public const string Calibrated = "calibrated";
    }
}
