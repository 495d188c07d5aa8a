using System;

namespace AllocAnalyzers.Runtime.Profiling.AddressMap
{
    /// <summary>
    /// Sizes of CoreCLR heap objects, so that the map can report its own memory the way Go's
    /// profiler reported addrmem. Checked against GC.GetAllocatedBytesForCurrentThread in the tests.
    /// </summary>
    /// <remarks>
    /// An object starts with the sync-block index and the method-table pointer (2 pointers) and is
    /// at least 3 pointers long; an array adds its length, padded to a pointer (3 pointers in all).
    /// Sizes round up to a pointer.
    /// </remarks>
    internal static class ClrObjectLayout
    {
        public static int PointerSize => IntPtr.Size;

        public static long ObjectHeaderBytes => 2L * PointerSize;

        public static long ArrayHeaderBytes => 3L * PointerSize;

        /// <summary>Size of a class instance whose fields take <paramref name="fieldBytes"/> after layout.</summary>
        public static long InstanceBytes(long fieldBytes) =>
            Math.Max(3L * PointerSize, AlignToPointer(ObjectHeaderBytes + fieldBytes));

        /// <summary>Size of an array of references (or pointer-sized values).</summary>
        public static long ReferenceArrayBytes(long length) => AlignToPointer(ArrayHeaderBytes + length * PointerSize);

        public static long AlignToPointer(long bytes) => (bytes + PointerSize - 1) / PointerSize * PointerSize;
    }
}
