using System.Runtime.InteropServices;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>The real C library, for timing glibc's allocator and the kernel's mmap path directly.</summary>
public static unsafe partial class LibC
{
    public const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20, MadvDontNeed = 4;

    /// <summary>mallopt(3) parameter M_MMAP_THRESHOLD (malloc.h: -3).</summary>
    public const int MMmapThreshold = -3;

    [LibraryImport("libc", EntryPoint = "malloc")]
    public static partial nint Malloc(nuint size);

    [LibraryImport("libc", EntryPoint = "calloc")]
    public static partial nint Calloc(nuint count, nuint size);

    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void Free(nint pointer);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    public static partial int Mallopt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    public static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "madvise")]
    public static partial int Madvise(nint address, nuint length, int advice);

    /// <summary>True where the glibc entry points can be called (Linux).</summary>
    public static bool Available => OperatingSystem.IsLinux();

    public static nint MapAnonymousMemory(long bytes)
    {
        nint p = Mmap(0, (nuint)bytes, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (p == -1) throw new InvalidOperationException("mmap of " + bytes + " bytes failed (errno " + Marshal.GetLastPInvokeError() + ")");
        return p;
    }
}
