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
    /// Solves t = A + g × G for the fixed large-allocation cost A and the cost G of a gen 2 collection triggered
    /// by allocation, from two uninitialized-array loops that collect at different rates g (a 1 MiB array fills
    /// the LOH budget ten times faster than a 100 KB one). When the rates are too close to separate the two,
    /// G is the forced collection's cost. A is at least 50 ns; G at least the forced cost.
    /// </summary>
    public static (double FixedSeconds, double Gen2Seconds) LargeAllocationFit(LoopTiming rare, LoopTiming frequent, double forcedGen2Seconds)
    {
        double dg = frequent.Gen2PerIteration - rare.Gen2PerIteration;
        double gen2 = dg > 0.02 ? (frequent.Seconds - rare.Seconds) / dg : forcedGen2Seconds;
        gen2 = Math.Max(forcedGen2Seconds, gen2);
        return (Math.Max(50e-9, rare.Seconds - rare.Gen2PerIteration * gen2), gen2);
    }
}
