namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// The largest arrays the .NET runtime creates. A request beyond them can only throw, so it has no
    /// cost to estimate and no rule reports it.
    /// <list type="bullet">
    /// <item>Length: at most <c>Array.MaxLength</c> = 0x7FFFFFC7 elements, whatever the element type
    /// ("all attempts to allocate a larger array will fail", https://learn.microsoft.com/dotnet/api/system.array.maxlength).
    /// dotnet/runtime src/coreclr/vm/gchelpers.cpp: <c>MaxArrayLength()</c> returns 0x7FFFFFC7 ("Keep in sync with
    /// Array.MaxLength in BCL") and <c>AllocateSzArray</c> throws OutOfMemoryException ("Array dimensions exceeded
    /// supported range") above it.</item>
    /// <item>Multi-dimensional arrays: <c>AllocateArrayEx</c> holds every dimension to the same limit and the
    /// total element count to 32 bits (<c>S_UINT32</c>).</item>
    /// <item>Element size: a value type larger than <c>MAX_SIZE_FOR_VALUECLASS_IN_ARRAY</c> = 0xFFFF bytes
    /// (src/coreclr/vm/array.cpp; the method table stores the component size in 16 bits) cannot be an array
    /// element: creating the array type throws TypeLoadException.</item>
    /// </list>
    /// Within these limits, element count × element size cannot overflow a 64-bit size, so there is no
    /// separate limit in bytes. (Checked on .NET 10: <c>new byte[Array.MaxLength + 1L]</c> and
    /// <c>new T[1]</c> of a 65,536-byte struct throw; a 65,535-byte struct is allocated.)
    /// </summary>
    public static class ManagedArrayLimits
    {
        /// <summary><c>Array.MaxLength</c>: the most elements of a one-dimensional array, and of each dimension of any array.</summary>
        public const long MaxLength = 0x7FFFFFC7;

        /// <summary>The most elements of a multi-dimensional array in total.</summary>
        public const long MaxMultiDimensionalElements = uint.MaxValue;

        /// <summary>The largest value type that can be an array element, in bytes.</summary>
        public const long MaxElementSize = 0xFFFF;

        /// <summary>True when a dimension of <paramref name="length"/> elements is within the runtime's limit.</summary>
        public static bool DimensionFits(long length) => length >= 0 && length <= MaxLength;

        /// <summary>True when an array of <paramref name="rank"/> dimensions may hold <paramref name="elements"/> elements in total.</summary>
        public static bool ElementCountFits(long elements, int rank) =>
            elements >= 0 && elements <= (rank == 1 ? MaxLength : MaxMultiDimensionalElements);

        /// <summary>True when elements of <paramref name="elementSize"/> bytes can be held in an array.</summary>
        public static bool ElementSizeFits(long elementSize) => elementSize <= MaxElementSize;

        /// <summary>
        /// True when a one-dimensional array request is provably beyond the limits (it can only throw). Unknown
        /// values (null) are not held against it.
        /// </summary>
        public static bool Exceeded(long? length, long? elementSize) =>
            (length != null && !DimensionFits(length.Value)) || (elementSize != null && !ElementSizeFits(elementSize.Value));
    }
}
