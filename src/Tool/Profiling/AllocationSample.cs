namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Allocations with the same stack and type, added up: sampled events and the estimated totals
/// they stand for. <see cref="Frames"/> start at the allocating method (leaf first).
/// </summary>
internal sealed class AllocationSample(IReadOnlyList<StackFrame> frames, string typeName, bool isLarge)
{
    public IReadOnlyList<StackFrame> Frames { get; } = frames;

    public string TypeName { get; } = typeName;

    /// <summary>Large-object heap: the runtime's allocation kind said so.</summary>
    public bool IsLarge { get; } = isLarge;

    public long Events { get; private set; }

    public double EstimatedCount { get; private set; }

    public double EstimatedBytes { get; private set; }

    /// <summary>The allocating method: the leaf frame.</summary>
    public StackFrame Site => Frames[0];

    public void Add(double estimatedCount, double estimatedBytes)
    {
        Events++;
        EstimatedCount += estimatedCount;
        EstimatedBytes += estimatedBytes;
    }
}
