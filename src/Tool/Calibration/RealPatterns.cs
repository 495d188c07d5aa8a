using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AllocAnalyzers.Runtime.Model.Pages;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>A measured loop: seconds per iteration and collections per iteration.</summary>
public readonly record struct LoopTiming(double Seconds, double Gen0PerIteration, double Gen2PerIteration);

/// <summary>
/// Real allocation patterns run on this machine, through the real libc and the real .NET runtime.
/// Shared by calibration (which derives unit costs from some of them) and validation (which compares
/// the model's predictions with all of them).
/// </summary>
public static unsafe class RealPatterns
{
    /// <summary>calloc(size) + free in a loop, through glibc.</summary>
    public static double CallocFree(long size, int perBatch) =>
        Stopwatches.FastestSeconds(() => LibC.Free(LibC.Calloc(1, (nuint)size)), perBatch);

    /// <summary>malloc(size) + free in a loop, through glibc.</summary>
    public static double MallocFree(long size, int perBatch) =>
        Stopwatches.FastestSeconds(() => LibC.Free(LibC.Malloc((nuint)size)), perBatch);

    /// <summary>The seed's Linux loop, timed whole: <paramref name="iterations"/> × calloc(size)/free.</summary>
    public static double CallocFreeLoopTotal(long size, int iterations) =>
        Stopwatches.FastestSeconds(() =>
        {
            for (int i = 0; i < iterations; i++) LibC.Free(LibC.Calloc(1, (nuint)size));
        }, perBatch: 1, batches: 15, warmUp: 1, split: false);

    /// <summary>memset of a resident buffer of <paramref name="size"/> bytes.</summary>
    public static double Memset(long size, int perBatch)
    {
        nint p = LibC.Malloc((nuint)size);
        try
        {
            NativeMemory.Fill((void*)p, (nuint)size, 1);
            return Stopwatches.FastestSeconds(() => NativeMemory.Clear((void*)p, (nuint)size), perBatch);
        }
        finally
        {
            LibC.Free(p);
        }
    }

    /// <summary>Seconds per page for the first write (or read) of every page of a fresh anonymous mapping.</summary>
    public static double FirstTouchPerPage(long bytes, bool write)
    {
        long pages = bytes / VirtualMemory.PageSize;
        double seconds = Stopwatches.FastestSeconds(
            () => LibC.MapAnonymousMemory(bytes),
            p =>
            {
                byte* b = (byte*)p;
                int sum = 0;
                for (long i = 0; i < bytes; i += VirtualMemory.PageSize)
                {
                    if (write) b[i] = 1;
                    else sum += b[i];
                }

                GC.KeepAlive(sum);
            },
            p => LibC.Munmap(p, (nuint)bytes));
        return seconds / pages;
    }

    /// <summary>mmap of <paramref name="bytes"/> alone.</summary>
    public static double Map(long bytes) =>
        Stopwatches.FastestSeconds(() => 0, _ => Unmapper.Last = LibC.MapAnonymousMemory(bytes), _ => LibC.Munmap(Unmapper.Last, (nuint)bytes), runs: 21);

    /// <summary>munmap of <paramref name="bytes"/>, with all pages resident or none.</summary>
    public static double Unmap(long bytes, bool resident) =>
        Stopwatches.FastestSeconds(
            () =>
            {
                nint p = LibC.MapAnonymousMemory(bytes);
                if (resident) NativeMemory.Fill((void*)p, (nuint)bytes, 1);
                return p;
            },
            p => LibC.Munmap(p, (nuint)bytes),
            _ => { },
            runs: resident ? 7 : 21);

    /// <summary>madvise(MADV_DONTNEED) of one untouched page.</summary>
    public static double Madvise(int perBatch)
    {
        nint p = LibC.MapAnonymousMemory(VirtualMemory.PageSize);
        try
        {
            return Stopwatches.FastestSeconds(() => LibC.Madvise(p, (nuint)VirtualMemory.PageSize, LibC.MadvDontNeed), perBatch);
        }
        finally
        {
            LibC.Munmap(p, (nuint)VirtualMemory.PageSize);
        }
    }

    // The arrays are loop-local, as in the code the analyzers flag: nothing keeps the last one alive. (A
    // static "sink" would make one large array survive every gen 2, and the GC sizes its LOH budget from
    // survivors: from 1 MiB survivors on it grows tenfold and the loop measures a different regime.)

    /// <summary><c>new byte[size]</c> in a loop (loop-local, dies at once).</summary>
    public static LoopTiming NewArray(int size, int perBatch) =>
        Managed(() => GC.KeepAlive(new byte[size]), perBatch);

    /// <summary><c>GC.AllocateUninitializedArray&lt;byte&gt;(size)</c> in a loop.</summary>
    public static LoopTiming UninitializedArray(int size, int perBatch) =>
        Managed(() => GC.KeepAlive(GC.AllocateUninitializedArray<byte>(size)), perBatch);

    /// <summary>ArrayPool&lt;byte&gt;.Shared Rent + Return in a loop.</summary>
    public static LoopTiming RentReturn(int size, int perBatch) =>
        Managed(() =>
        {
            var a = ArrayPool<byte>.Shared.Rent(size);
            a[0] = 1;
            ArrayPool<byte>.Shared.Return(a);
        }, perBatch);

    /// <summary>A hoisted buffer cleared with Array.Clear in a loop.</summary>
    public static LoopTiming HoistedClear(int size, int perBatch)
    {
        var buffer = new byte[size];
        return Managed(() => Array.Clear(buffer), perBatch);
    }

    /// <summary>A blocking, forced collection of <paramref name="generation"/> on a small heap.</summary>
    public static double Collect(int generation, int perBatch) =>
        Stopwatches.FastestSeconds(() => GC.Collect(generation, GCCollectionMode.Forced, blocking: true), perBatch);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static LoopTiming Managed(Action body, int perBatch)
    {
        // No induced collection first: it would reset the GC's budgets that the loop is meant to show.
        for (int i = 0; i < Math.Max(2, perBatch / 10); i++) body();
        // CollectionCount(0) counts every collection; gen 0-only ones are those that did not reach gen 1.
        int gen0 = GC.CollectionCount(0) - GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        const int Batches = 7;
        double seconds = Stopwatches.FastestSeconds(body, perBatch, Batches, warmUp: 0, split: false);
        double n = (double)perBatch * Batches;
        return new LoopTiming(seconds, (GC.CollectionCount(0) - GC.CollectionCount(1) - gen0) / n, (GC.CollectionCount(2) - gen2) / n);
    }

    private static class Unmapper
    {
        public static nint Last;
    }
}
