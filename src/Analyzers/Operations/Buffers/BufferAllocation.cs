using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// The one model of "an allocation of a buffer" that every rule reads: managed arrays, capacity
    /// constructors, pool rents, <c>stackalloc</c> and native blocks — where it comes from, whether
    /// it reads as zero when it arrives, and its size when that is provable (elements and bytes; a
    /// native block counts bytes, one per element). Produced by <see cref="BufferRecognizer"/>.
    /// </summary>
    internal sealed class BufferAllocation
    {
        public BufferAllocation(IOperation operation, BufferSource source, bool zeroed, ITypeSymbol? elementType, long? elementSize, IOperation? countOperation, long? elementCount, IMethodSymbol? wrapper = null)
        {
            Wrapper = wrapper;
            Operation = operation;
            Source = source;
            Zeroed = zeroed;
            ElementType = elementType;
            ElementSize = elementSize;
            CountOperation = countOperation;
            ElementCount = elementCount;
        }

        /// <summary>
        /// The source method the allocation is made in when <see cref="Operation"/> is a call of an
        /// allocation wrapper (<c>NewBuffer(n) =&gt; new byte[n]</c>); null for an allocation written out.
        /// A fix that rewrites the allocation cannot rewrite a wrapper's call.
        /// </summary>
        public IMethodSymbol? Wrapper { get; }

        /// <summary>The allocating operation (array creation, stackalloc, invocation, object creation).</summary>
        public IOperation Operation { get; }

        public BufferSource Source { get; }

        /// <summary>True when the memory provably reads as zero when the operation completes.</summary>
        public bool Zeroed { get; }

        /// <summary>The element type (for a capacity constructor, the collection's); null for native blocks, which count bytes.</summary>
        public ITypeSymbol? ElementType { get; }

        /// <summary>Bytes of backing store per element (1 for native memory), or null when not provable.</summary>
        public long? ElementSize { get; }

        /// <summary>The expression giving the number of elements (bytes for native memory) when there is a single one.</summary>
        public IOperation? CountOperation { get; }

        /// <summary>The element count when it is provable at compile time (for multi-dimensional arrays, the product).</summary>
        public long? ElementCount { get; }

        /// <summary>Total bytes, when provable (headers and rounding not counted: a lower bound).</summary>
        public long? Bytes => ElementCount == null || ElementSize == null || (ElementSize > 0 && ElementCount > long.MaxValue / ElementSize.Value)
            ? null
            : ElementCount * ElementSize;

        public bool IsNative => Source.IsNative();

        /// <summary>A one-dimensional managed array or a stack block: something elements are read from and written to.</summary>
        public bool IsVector => Source != BufferSource.CapacityConstructor && !(Operation.Type is IArrayTypeSymbol array && array.Rank != 1);

        /// <summary>
        /// Memory a clear or an overwrite can be judged against: a zeroed one-dimensional array, native
        /// block (calloc, <c>AllocZeroed</c>) or JIT-zeroed stack block. Capacity constructors hide their
        /// array inside an object, and multi-dimensional arrays are not cleared through spans.
        /// </summary>
        public bool IsZeroedMemory => Zeroed && Source != BufferSource.CapacityConstructor && !(Operation.Type is IArrayTypeSymbol array && array.Rank != 1);

        /// <summary>The type of the allocated object (the array type, List&lt;T&gt;, a pointer, ...).</summary>
        public ITypeSymbol? Type => Operation.Type;
    }
}
