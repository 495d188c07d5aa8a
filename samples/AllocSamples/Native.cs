using System.Runtime.InteropServices;

namespace AllocSamples;

/// <summary>ALLOC003, ALLOC006 and ALLOC007: native memory, where the calloc story happened.</summary>
public static unsafe partial class Native
{
    private const int ChunkSize = 1 << 20;
    private const int RecordSize = 16 * 1024;

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte* buffer, nint count);

    // ALLOC003: a 1 MiB zeroed buffer for a read that can return at most one 16 KiB record.
    public static long ReadRecord(int fd)
    {
        var buffer = new byte[ChunkSize]; // expect: ALLOC003
        fixed (byte* p = buffer)
        {
            return Read(fd, p, RecordSize);
        }
    }

    // ALLOC006: malloc + clear, where calloc gets zero pages from the OS for free.
    public static void* ZeroedTable(nuint bytes)
    {
        void* table = NativeMemory.Alloc(bytes); // expect: ALLOC006
        NativeMemory.Clear(table, bytes);
        return table;
    }

    // ALLOC007: macOS serves this block from libmalloc's large-block cache and zero-fills it every time.
    public static long ZeroedBlockLoop(int iterations)
    {
        long touched = 0;
        for (int i = 0; i < iterations; i++)
        {
            byte* block = (byte*)NativeMemory.AllocZeroed(100 * 1024 * 1024); // expect: ALLOC007
            block[i] = 1;
            touched += block[0];
            NativeMemory.Free(block);
        }

        return touched;
    }
}
