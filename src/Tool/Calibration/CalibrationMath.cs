namespace AllocAnalyzers.Tool.Calibration;

/// <summary>
/// The arithmetic that turns measured loops into profile fields, kept apart from the measuring so that
/// it can be tested with known inputs. Each method inverts the model's formula for one loop.
/// </summary>
public static class CalibrationMath
{
    /// <summary>Extra munmap cost per resident page: (resident unmap − untouched unmap) / pages.</summary>
    public static double UnmapPerResidentPage(double residentUnmapSeconds, double untouchedUnmapSeconds, long bytes) =>
        Math.Max(0, (residentUnmapSeconds - untouchedUnmapSeconds) / (bytes / 4096));

    /// <summary>
    /// The unmap share of glibc's mmap path per round (map + header write + unmap + malloc and free
    /// bookkeeping), never below a lone munmap.
    /// </summary>
    public static double UnmapShare(double roundSeconds, double mapSeconds, double faultSeconds, double perResidentPage, double heapCallSeconds, double loneUnmapSeconds) =>
        Math.Max(loneUnmapSeconds, roundSeconds - mapSeconds - faultSeconds - perResidentPage - 2 * heapCallSeconds);

    /// <summary>Bytes allocated per collection, from bytes per iteration and collections per iteration.</summary>
    public static long BytesPerCollection(long bytesPerIteration, double collectionsPerIteration, long whenNone) =>
        collectionsPerIteration > 0 ? (long)(bytesPerIteration / collectionsPerIteration) : whenNone;

    /// <summary>Small allocation fixed cost: the loop time less the clear and the gen 0 share (at least 1 ns).</summary>
    public static double SmallAllocation(LoopTiming loop, double clearSeconds, double gen0Seconds) =>
        Math.Max(1e-9, loop.Seconds - clearSeconds - loop.Gen0PerIteration * gen0Seconds);

    /// <summary>
    /// Solves t = A + g × G + h × size for the fixed cost A and the per-byte cost h from two uninitialized-array
    /// loops of different sizes, with G, the gen 2 cost, known. A is at least 50 ns and h at least 0.
    /// </summary>
    public static (double FixedSeconds, double SecondsPerByte) LargeAllocationFit(
        LoopTiming small, long smallBytes, LoopTiming large, long largeBytes, double gen2Seconds)
    {
        if (largeBytes <= smallBytes) throw new ArgumentException("the second loop must allocate more bytes", nameof(largeBytes));
        double r1 = small.Seconds - small.Gen2PerIteration * gen2Seconds;
        double r2 = large.Seconds - large.Gen2PerIteration * gen2Seconds;
        double perByte = Math.Max(0, (r2 - r1) / (largeBytes - smallBytes));
        return (Math.Max(50e-9, r1 - perByte * smallBytes), perByte);
    }

    /// <summary>
    /// The GC's effective clear bandwidth for new large objects: the zeroed loop's time that the uninitialized
    /// model does not explain is the clear. Never faster than memset.
    /// </summary>
    public static double LargeClearBandwidth(LoopTiming zeroed, long bytes, double fixedSeconds, double perByte, double gen2Seconds, double memsetBandwidth)
    {
        double clear = zeroed.Seconds - fixedSeconds - zeroed.Gen2PerIteration * gen2Seconds - perByte * bytes;
        return bytes / Math.Max(clear, bytes / memsetBandwidth);
    }
}
