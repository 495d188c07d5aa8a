namespace AllocAnalyzers.Tool.Profiling;

/// <summary>Which runtime event a profile is built from.</summary>
internal enum AllocationEventSource
{
    /// <summary>Listen for both; use AllocationSampled if the runtime sends any.</summary>
    Auto,

    /// <summary>.NET 10's randomized AllocationSampled (event 303): unbiased, one sample per 100 KiB on average.</summary>
    Sampled,

    /// <summary>GCAllocationTick: one event per about 100 KB allocated, charged to the object that crossed the mark.</summary>
    Tick,
}
