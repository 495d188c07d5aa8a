using System;
using System.Reflection;

namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>
    /// System.Runtime.InteropServices.NativeMemory (malloc/calloc/realloc/free, .NET 6+), bound by
    /// reflection because this assembly targets netstandard2.0 and must take no dependency.
    /// AllocZeroed goes to calloc, which skips clearing memory that is fresh from the OS.
    /// </summary>
    internal sealed unsafe class NativeMemoryHeap : INativeHeap
    {
        private delegate void* AllocFn(UIntPtr byteCount);
        private delegate void* ReallocFn(void* block, UIntPtr byteCount);
        private delegate void FreeFn(void* block);

        private readonly AllocFn _alloc;
        private readonly AllocFn _allocZeroed;
        private readonly ReallocFn _realloc;
        private readonly FreeFn _free;

        private NativeMemoryHeap(AllocFn alloc, AllocFn allocZeroed, ReallocFn realloc, FreeFn free)
        {
            _alloc = alloc;
            _allocZeroed = allocZeroed;
            _realloc = realloc;
            _free = free;
        }

        public string Name => "NativeMemory";

        /// <summary>The heap, or null on runtimes without NativeMemory (.NET Framework, .NET Core before 6).</summary>
        public static NativeMemoryHeap? TryCreate()
        {
            var type = typeof(System.Runtime.InteropServices.Marshal).Assembly.GetType("System.Runtime.InteropServices.NativeMemory");
            if (type is null) return null;
            var alloc = Bind<AllocFn>(type, "Alloc", typeof(UIntPtr));
            var allocZeroed = Bind<AllocFn>(type, "AllocZeroed", typeof(UIntPtr));
            var realloc = Bind<ReallocFn>(type, "Realloc", typeof(void*), typeof(UIntPtr));
            var free = Bind<FreeFn>(type, "Free", typeof(void*));
            return alloc is null || allocZeroed is null || realloc is null || free is null
                ? null
                : new NativeMemoryHeap(alloc, allocZeroed, realloc, free);
        }

        public IntPtr Alloc(long size) => Checked((IntPtr)_alloc(ToUIntPtr(size)), size);

        public IntPtr AllocZeroed(long size) => Checked((IntPtr)_allocZeroed(ToUIntPtr(size)), size);

        public IntPtr Realloc(IntPtr block, long size) => Checked((IntPtr)_realloc((void*)block, ToUIntPtr(size)), size);

        public void Free(IntPtr block) => _free((void*)block);

        private static T? Bind<T>(Type type, string name, params Type[] parameters)
            where T : Delegate
        {
            var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, null, parameters, null);
            return method is null ? null : (T)Delegate.CreateDelegate(typeof(T), method, throwOnBindFailure: false);
        }

        private static UIntPtr ToUIntPtr(long size) =>
            size < 0 ? throw new ArgumentOutOfRangeException(nameof(size), size, "A size cannot be negative.") : (UIntPtr)(ulong)size;

        // NativeMemory throws OutOfMemoryException itself; this guards a null from a zero-byte request.
        private static IntPtr Checked(IntPtr block, long size) =>
            block == IntPtr.Zero && size > 0 ? throw new OutOfMemoryException() : block;
    }
}
