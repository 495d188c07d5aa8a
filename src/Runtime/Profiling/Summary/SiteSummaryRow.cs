namespace AllocAnalyzers.Runtime.Profiling.Summary
{
    /// <summary>One allocation site of a measured profile: what the analyzer ranks diagnostics by.</summary>
    public sealed class SiteSummaryRow
    {
        public SiteSummaryRow(string method, string type, long samples, long estimatedCount, long estimatedBytes, bool isLarge, string file, int line)
        {
            Method = method;
            Type = type;
            Samples = samples;
            EstimatedCount = estimatedCount;
            EstimatedBytes = estimatedBytes;
            IsLarge = isLarge;
            File = file;
            Line = line;
        }

        /// <summary>The allocating method, e.g. "Namespace.Class.Method(System.Int32)".</summary>
        public string Method { get; }

        /// <summary>The allocated type ("native" for the native API).</summary>
        public string Type { get; }

        public long Samples { get; }

        public long EstimatedCount { get; }

        public long EstimatedBytes { get; }

        /// <summary>Large-object heap (85,000 bytes or more).</summary>
        public bool IsLarge { get; }

        /// <summary>Source file, empty when unknown.</summary>
        public string File { get; }

        /// <summary>Source line, 0 when unknown.</summary>
        public int Line { get; }
    }
}
