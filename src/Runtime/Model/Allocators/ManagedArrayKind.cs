namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>How a managed array is requested.</summary>
    public enum ManagedArrayKind
    {
        /// <summary><c>new T[n]</c> / <c>GC.AllocateArray</c>: always zeroed.</summary>
        Zeroed,

        /// <summary><c>GC.AllocateUninitializedArray&lt;T&gt;(n)</c>.</summary>
        Uninitialized,

        /// <summary><c>GC.AllocateArray&lt;T&gt;(n, pinned: true)</c>: the Pinned Object Heap, zeroed.</summary>
        Pinned,

        /// <summary><c>GC.AllocateUninitializedArray&lt;T&gt;(n, pinned: true)</c>.</summary>
        PinnedUninitialized,
    }
}
