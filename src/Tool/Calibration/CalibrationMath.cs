using AllocAnalyzers.Runtime.Model.Pages;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>
/// The arithmetic that turns measured loops into profile fields, kept apart from the measuring so that
/// it can be tested with known inputs. Each method inverts the model's formula for one loop.
/// </summary>
public static class CalibrationMath
{
    /// <summary>Extra munmap cost per resident page: (resident unmap − untouched unmap) / pages.</summary>
    public static double UnmapPerResidentPage(double residentUnmapSeconds, double untouchedUnmapSeconds, long bytes) =>
        Math.Max(0, (residentUnmapSeconds - untouchedUnmapSeconds) / (bytes / VirtualMemory.PageSize));

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

    /// <summary>The slow-path surcharge of a small object above the allocation quantum: its loop's rest less the fast-path cost.</summary>
    public static double SmallSlowPath(LoopTiming loop, double clearSeconds, double gen0Seconds, double smallAllocationSeconds) =>
        Math.Max(0, SmallAllocation(loop, clearSeconds, gen0Seconds) - smallAllocationSeconds);

    /// <summary>
    /// The fixed cost A of a large allocation from a loop whose clear is already taken out: t = A + g × G, with G
    /// the cost of a gen 2 collection. At least 50 ns.
    /// </summary>
    /// <remarks>
    /// Solving for G as well, from two loops that collect at different rates, amplifies the noise of a shared
    /// machine (the difference of two noisy times over a difference of rates); a forced blocking gen 2 on the
    /// same small heap, timed in many short batches, is the steadier figure.
    /// </remarks>
    public static double LargeAllocationFixed(LoopTiming withoutClear, double gen2Seconds) =>
        Math.Max(50e-9, withoutClear.Seconds - withoutClear.Gen2PerIteration * gen2Seconds);
}
