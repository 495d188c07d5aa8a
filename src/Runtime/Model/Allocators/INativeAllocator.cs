namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// The C allocation API of one platform's allocator. Every call charges its costs to the
    /// simulation context the allocator was created with and notes the path it took.
    /// </summary>
    public interface INativeAllocator
    {
        /// <summary>"glibc malloc", "macOS libmalloc (libmalloc-116)", "Windows NT heap".</summary>
        string Name { get; }

        NativeBlock Malloc(long size);

        /// <summary>Zero-filled allocation; clears only what is not known to be zero already.</summary>
        NativeBlock Calloc(long size);

        NativeBlock Realloc(NativeBlock block, long size);

        void Free(NativeBlock block);
    }
}
