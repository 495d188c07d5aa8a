using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace AllocAnalyzers.Bench;

// The measured effect of the ALLOC003 and ALLOC007 code fixes on the loops of samples/InteropReadLoop:
// each class runs the unfixed pattern as its baseline and the fixed one in the same run, reading
// from /dev/zero through libc's read(2) (Linux, macOS). Run:
//   dotnet run -c Release --project bench/AllocAnalyzers.Bench -- --filter '*InteropFix*' --job short

/// <summary>ALLOC003: a zeroed 1 MiB buffer per 16 KiB read, against the record-sized buffer the fix allocates.</summary>
[MemoryDiagnoser]
public class InteropFixReadBenchmarks
{
    private const int ChunkSize = 1 << 20;
    private const int RecordSize = 16 * 1024;
    private const int Reads = 64;
    private int _fd;

    [GlobalSetup]
    public void Open() => _fd = InteropFixLibc.OpenDevZero();

    [GlobalCleanup]
    public void Close() => InteropFixLibc.close(_fd);

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads, Description = "ALLOC003 before: new byte[1 MiB] per 16 KiB read")]
    public long ChunkSizedBuffer()
    {
        long total = 0;
        for (int i = 0; i < Reads; i++)
        {
            var buffer = new byte[ChunkSize];
            nint read = InteropFixLibc.read(_fd, buffer, RecordSize);
            total += Consume(buffer.AsSpan(0, (int)read));
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Reads, Description = "ALLOC003 after: new byte[RecordSize]")]
    public long RecordSizedBuffer()
    {
        long total = 0;
        for (int i = 0; i < Reads; i++)
        {
            var buffer = new byte[RecordSize];
            nint read = InteropFixLibc.read(_fd, buffer, RecordSize);
            total += Consume(buffer.AsSpan(0, (int)read));
        }

        return total;
    }

    private static long Consume(ReadOnlySpan<byte> record) => record.Length + record[^1];
}

/// <summary>
/// ALLOC007: calloc + free of the same size on every iteration, against the fix — one block
/// allocated before the loop, freed after, with only the 4 KiB each iteration uses cleared.
/// 1 MiB and 16 MiB lie in glibc's own re-zeroing band (128 KiB–32 MiB, after the first free);
/// 100 MiB is in libmalloc's large-block cache band but mmapped fresh by glibc.
/// </summary>
public unsafe class InteropFixZeroedBlockBenchmarks
{
    private const int Used = 4096;
    private const int Iterations = 16;
    private int _fd;

    [Params(1 << 20, 16 << 20, 100 << 20)]
    public int BlockSize { get; set; }

    [GlobalSetup]
    public void Open() => _fd = InteropFixLibc.OpenDevZero();

    [GlobalCleanup]
    public void Close() => InteropFixLibc.close(_fd);

    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations, Description = "ALLOC007 before: AllocZeroed/Free every iteration")]
    public long AllocZeroedEveryIteration()
    {
        long checksum = 0;
        for (int i = 0; i < Iterations; i++)
        {
            byte* block = (byte*)NativeMemory.AllocZeroed((nuint)BlockSize);
            checksum += InteropFixLibc.read(_fd, block, Used) + block[Used - 1];
            NativeMemory.Free(block);
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = Iterations, Description = "ALLOC007 after: hoisted block, clear 4 KiB")]
    public long HoistedBlockClearedPerIteration()
    {
        long checksum = 0;
        byte* block = (byte*)NativeMemory.AllocZeroed((nuint)BlockSize);
        for (int i = 0; i < Iterations; i++)
        {
            NativeMemory.Clear(block, Used);
            checksum += InteropFixLibc.read(_fd, block, Used) + block[Used - 1];
        }

        NativeMemory.Free(block);
        return checksum;
    }
}

/// <summary>
/// ALLOC007 on the sample's own loop (samples/AllocSamples/Native.cs): a zeroed 100 MiB block per
/// iteration, a store at the iteration's index and a read of element 0; the fix allocates once and
/// clears only the one byte an iteration reads before writing.
/// </summary>
public unsafe class InteropFixSampleBlockBenchmarks
{
    private const int BlockSize = 100 * 1024 * 1024;
    private const int Iterations = 16;

    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations, Description = "ALLOC007 sample before: AllocZeroed(100 MiB)/Free per iteration")]
    public long AllocZeroedEveryIteration()
    {
        long touched = 0;
        for (int i = 0; i < Iterations; i++)
        {
            byte* block = (byte*)NativeMemory.AllocZeroed(BlockSize);
            block[i] = 1;
            touched += block[0];
            NativeMemory.Free(block);
        }

        return touched;
    }

    [Benchmark(OperationsPerInvoke = Iterations, Description = "ALLOC007 sample after: hoisted block, clear the 1 byte read")]
    public long HoistedBlock()
    {
        long touched = 0;
        byte* block = (byte*)NativeMemory.AllocZeroed(BlockSize);
        for (int i = 0; i < Iterations; i++)
        {
            NativeMemory.Clear(block, 1);
            block[i] = 1;
            touched += block[0];
        }

        NativeMemory.Free(block);
        return touched;
    }
}

internal static unsafe class InteropFixLibc
{
    [DllImport("libc", SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

    [DllImport("libc")]
    public static extern int close(int fd);

    [DllImport("libc")]
    public static extern nint read(int fd, byte[] buf, nint count);

    [DllImport("libc", EntryPoint = "read")]
    public static extern nint read(int fd, byte* buf, nint count);

    public static int OpenDevZero()
    {
        int fd = open("/dev/zero", 0);
        return fd >= 0 ? fd : throw new InvalidOperationException("open(/dev/zero) failed: errno " + Marshal.GetLastPInvokeError());
    }
}
