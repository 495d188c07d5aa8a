namespace AllocAnalyzers.Operations
{
    /// <summary>Where memory that starts out zero comes from.</summary>
    internal enum ZeroedMemoryKind
    {
        /// <summary><c>new T[n]</c> (no initializer) and <c>GC.AllocateArray&lt;T&gt;(n)</c>: the GC hands out cleared memory.</summary>
        ManagedArray,

        /// <summary><c>NativeMemory.AllocZeroed</c>: calloc.</summary>
        NativeZeroed,

        /// <summary><c>stackalloc T[n]</c> in a method where no <c>[SkipLocalsInit]</c> applies: the JIT zeroes it.</summary>
        ZeroedStackalloc,
    }
}
