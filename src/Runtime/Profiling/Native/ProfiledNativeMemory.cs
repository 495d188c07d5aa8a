using System;
using System.Runtime.CompilerServices;

namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>
    /// The process-wide profiled allocator for interop code: drop-in calls for NativeMemory or
    /// Marshal.AllocHGlobal that sample at Go's default rate. Use <see cref="NativeAllocationProfiler"/>
    /// directly for another rate or a private profile.
    /// </summary>
    public static class ProfiledNativeMemory
    {
        public static NativeAllocationProfiler Profiler { get; } = new NativeAllocationProfiler();

        public static IntPtr Alloc(long size, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
            Profiler.Alloc(size, member, file, line);

        public static IntPtr AllocZeroed(long size, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
            Profiler.AllocZeroed(size, member, file, line);

        public static IntPtr Realloc(IntPtr block, long size, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
            Profiler.Realloc(block, size, member, file, line);

        public static void Free(IntPtr block) => Profiler.Free(block);
    }
}
