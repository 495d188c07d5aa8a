using AllocAnalyzers.Runtime.Profiling.Sampling;

namespace AllocAnalyzers.Bench;

/// <summary>The address streams the map and the general hash maps are compared on.</summary>
public enum AddressPattern
{
    /// <summary>Sampled blocks of a bump-allocated heap: addresses rise in order, a few KiB apart, as in a real heap.</summary>
    Clustered,

    /// <summary>Random 16-byte-aligned addresses over 64 TiB: no locality at all.</summary>
    Scattered,
}

/// <summary>
/// Streams of addresses: <see cref="Sampled"/> are tracked (set, then got-and-removed on free),
/// <see cref="Unsampled"/> are frees of blocks the sampler skipped, which a profiler must look up
/// and not find: the common case of a free.
/// </summary>
public sealed class AddressMapStreams
{
    public const int Length = 65_536;

    /// <summary>Live blocks at any time: the map holds a window of this many sampled addresses.</summary>
    public const int LiveWindow = 16_384;

    /// <summary>A sampling rate of a few KiB, the map's design point (one sample per 4 KiB slot).</summary>
    public const long SamplingRate = 4096;

    private const ulong HeapBase = 0x7f3a_0000_0000;

    private AddressMapStreams(ulong[] sampled, ulong[] unsampled)
    {
        Sampled = sampled;
        Unsampled = unsampled;
    }

    public ulong[] Sampled { get; }

    public ulong[] Unsampled { get; }

    public static AddressMapStreams Create(AddressPattern pattern) =>
        pattern == AddressPattern.Clustered ? Clustered() : Scattered();

    /// <summary>MiB of address space the live window spans (the map's region cost grows with it).</summary>
    public double LiveWindowMiB()
    {
        var window = Sampled.Take(LiveWindow).ToArray();
        return (window.Max() - window.Min()) / (double)(1 << 20);
    }

    private static AddressMapStreams Clustered()
    {
        var random = new Random(1);
        var sampler = new PoissonSampler(SamplingRate, seed: 2);
        var sampled = new List<ulong>(Length);
        var unsampled = new List<ulong>(Length);
        var cursor = HeapBase;
        while (sampled.Count < Length || unsampled.Count < Length)
        {
            var size = (ulong)(16 + 16 * random.Next(32)); // 16..512 B objects
            if (sampler.ShouldSample((long)size))
            {
                if (sampled.Count < Length) sampled.Add(cursor);
            }
            else if (unsampled.Count < Length && random.Next(16) == 0)
            {
                unsampled.Add(cursor); // spread over the same span as the sampled ones
            }

            cursor += size;
        }

        return new AddressMapStreams([.. sampled], [.. unsampled]);
    }

    private static AddressMapStreams Scattered()
    {
        var random = new Random(3);
        ulong Next() => (ulong)random.NextInt64(1L << 42) << 4; // 64 TiB, 16-byte aligned
        return new AddressMapStreams(
            Enumerable.Range(0, Length).Select(_ => Next()).ToArray(),
            Enumerable.Range(0, Length).Select(_ => Next()).ToArray());
    }
}
