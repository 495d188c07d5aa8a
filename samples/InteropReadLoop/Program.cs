using System.Diagnostics;
using System.Runtime.InteropServices;

// The calloc story in C#: a reader that allocates a fresh zero-filled buffer of the full chunk size
// for every read, although each read returns at most one TLS record (16 KiB); and a zeroed native
// block freed and allocated again in a loop, which macOS libmalloc re-zeroes from its large-block cache.
// Reads come from /dev/zero through libc's read(2), so the sample runs on Linux and macOS.

int iterations = args.Length > 0 && int.TryParse(args[0], out int n) ? n : 2_000;
int fd = Libc.open("/dev/zero", Libc.O_RDONLY);
if (fd < 0)
{
    Console.Error.WriteLine("open(/dev/zero) failed");
    return 1;
}

try
{
    var stopwatch = Stopwatch.StartNew();
    long bytes = Reader.ReadRecords(fd, iterations);
    Console.WriteLine($"read loop:   {iterations} reads, {bytes:N0} bytes in {stopwatch.Elapsed.TotalMilliseconds:F1} ms");

    stopwatch.Restart();
    long checksum = Blocks.ZeroedBlockLoop(fd, iterations / 10);
    Console.WriteLine($"calloc loop: {iterations / 10} blocks of 100 MiB, checksum {checksum} in {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
}
finally
{
    Libc.close(fd);
}

return 0;

internal static unsafe class Libc
{
    public const int O_RDONLY = 0;

    [DllImport("libc", SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int close(int fd);

    /// <summary>read(2): copies at most <paramref name="count"/> bytes into <paramref name="buf"/>.</summary>
    [DllImport("libc", SetLastError = true)]
    public static extern nint read(int fd, byte[] buf, nint count);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    public static extern nint read(int fd, byte* buf, nint count);
}

internal static class Reader
{
    private const int ChunkSize = 1 << 20;   // the client's chunk size
    private const int RecordSize = 16 * 1024; // the most one TLS record read returns

    /// <summary>The story's loop: a fresh, zero-filled chunk-sized buffer for every 16 KiB read.</summary>
    public static long ReadRecords(int fd, int iterations)
    {
        long total = 0;
        for (int i = 0; i < iterations; i++)
        {
            var buffer = new byte[ChunkSize];
            nint read = Libc.read(fd, buffer, RecordSize);
            if (read <= 0) break;
            total += Consume(buffer.AsSpan(0, (int)read));
        }

        return total;
    }

    private static long Consume(ReadOnlySpan<byte> record) => record.Length;
}

internal static unsafe class Blocks
{
    private const int BlockSize = 100 << 20; // inside libmalloc's large-block cache band

    /// <summary>calloc(100 MiB)/free in a loop: instant on Linux, a 100 MiB bzero per iteration on macOS.</summary>
    public static long ZeroedBlockLoop(int fd, int iterations)
    {
        long checksum = 0;
        for (int i = 0; i < iterations; i++)
        {
            byte* block = (byte*)NativeMemory.AllocZeroed(BlockSize);
            nint read = Libc.read(fd, block, 4096);
            checksum += read + block[(long)i * 4096 % BlockSize];
            NativeMemory.Free(block);
        }

        return checksum;
    }
}
