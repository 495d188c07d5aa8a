namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>What one call site of the native API allocated: sampled figures and estimates.</summary>
    public sealed class NativeSiteStatistics
    {
        public NativeSiteStatistics(
            string member, string file, int line, long samples, long sampledBytes, long freedSamples,
            long estimatedCount, long estimatedBytes, long estimatedLiveCount, long estimatedLiveBytes)
        {
            Member = member;
            File = file;
            Line = line;
            Samples = samples;
            SampledBytes = sampledBytes;
            FreedSamples = freedSamples;
            EstimatedCount = estimatedCount;
            EstimatedBytes = estimatedBytes;
            EstimatedLiveCount = estimatedLiveCount;
            EstimatedLiveBytes = estimatedLiveBytes;
        }

        public string Member { get; }

        public string File { get; }

        public int Line { get; }

        public long Samples { get; }

        public long SampledBytes { get; }

        public long FreedSamples { get; }

        /// <summary>Estimated allocations in total (sampled ones scaled up).</summary>
        public long EstimatedCount { get; }

        /// <summary>Estimated bytes allocated in total.</summary>
        public long EstimatedBytes { get; }

        /// <summary>Estimated blocks still allocated.</summary>
        public long EstimatedLiveCount { get; }

        /// <summary>Estimated bytes still allocated.</summary>
        public long EstimatedLiveBytes { get; }

        public override string ToString() =>
            $"{Member} ({File}:{Line}): {EstimatedBytes} B total, {EstimatedLiveBytes} B live, {Samples} samples";
    }
}
