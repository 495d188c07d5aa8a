using AllocAnalyzers.Runtime.Profiling.Sampling;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Allocation events added up by stack and type, kept apart by event kind so that the better
/// one can be chosen at the end: AllocationSampled where the runtime sent it, GCAllocationTick
/// otherwise.
/// </summary>
internal sealed class AllocationProfile
{
    /// <summary>The .NET 10 sampler's mean: each byte is sampled with p = 1/102,400
    /// (dotnet/runtime docs/design/features/RandomizedAllocationSampling.md).</summary>
    public const long AllocationSampledMeanBytes = 102_400;

    /// <summary>The runtime's large-object threshold (LARGE_OBJECT_SIZE).</summary>
    public const long LargeObjectBytes = 85_000;

    private readonly Dictionary<SampleKey, AllocationSample> _sampled = [];
    private readonly Dictionary<SampleKey, AllocationSample> _ticks = [];
    private readonly object _gate = new();

    public long SampledEvents { get; private set; }

    public long TickEvents { get; private set; }

    /// <summary>An AllocationSampled event: scaled by the inverse of its sampling probability.</summary>
    public void AddSampled(IReadOnlyList<StackFrame> frames, string typeName, bool isLarge, long objectSize)
    {
        var count = SampleWeights.EstimatedCount(objectSize, AllocationSampledMeanBytes);
        Add(_sampled, frames, typeName, isLarge, count, count * objectSize, sampled: true);
    }

    /// <summary>A GCAllocationTick event: stands for the bytes allocated since the previous tick.</summary>
    public void AddTick(IReadOnlyList<StackFrame> frames, string typeName, bool isLarge, long amount, long objectSize)
    {
        var count = objectSize > 0 ? Math.Max(1.0, (double)amount / objectSize) : 1.0;
        Add(_ticks, frames, typeName, isLarge, count, amount, sampled: false);
    }

    /// <summary>Which events the result uses: sampled ones if any arrived.</summary>
    public AllocationEventSource Source
    {
        get
        {
            lock (_gate) return SampledEvents > 0 ? AllocationEventSource.Sampled : AllocationEventSource.Tick;
        }
    }

    public long Events
    {
        get
        {
            lock (_gate) return SampledEvents + TickEvents;
        }
    }

    /// <summary>The samples of the chosen event kind, largest estimated bytes first.</summary>
    public IReadOnlyList<AllocationSample> Samples()
    {
        lock (_gate)
        {
            var chosen = SampledEvents > 0 ? _sampled : _ticks;
            return chosen.Values.OrderByDescending(s => s.EstimatedBytes).ToList();
        }
    }

    private void Add(Dictionary<SampleKey, AllocationSample> samples, IReadOnlyList<StackFrame> frames, string typeName, bool isLarge, double count, double bytes, bool sampled)
    {
        if (frames.Count == 0) frames = [new StackFrame("[unknown]", "")];
        var key = new SampleKey(frames, typeName, isLarge);
        lock (_gate)
        {
            if (!samples.TryGetValue(key, out var sample)) samples.Add(key, sample = new AllocationSample(frames, typeName, isLarge));
            sample.Add(count, bytes);
            if (sampled) SampledEvents++; else TickEvents++;
        }
    }

    private sealed class SampleKey(IReadOnlyList<StackFrame> frames, string typeName, bool isLarge) : IEquatable<SampleKey>
    {
        private readonly int _hash = frames.Aggregate(HashCode.Combine(typeName, isLarge), (h, f) => HashCode.Combine(h, f));

        public bool Equals(SampleKey? other) =>
            other is not null && _hash == other._hash && isLarge == other.IsLarge && typeName == other.TypeName && frames.SequenceEqual(other.Frames);

        public override bool Equals(object? obj) => Equals(obj as SampleKey);

        public override int GetHashCode() => _hash;

        private IReadOnlyList<StackFrame> Frames => frames;

        private string TypeName => typeName;

        private bool IsLarge => isLarge;
    }
}
