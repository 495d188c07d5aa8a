using AllocAnalyzers.Runtime.Model.Allocators;
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
        private (long? Lower, long? Upper) _countBounds;
        private bool _countBoundsKnown;

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
        public long? Bytes => Sizes.Multiply(ElementCount, ElementSize);

        /// <summary>
        /// The fewest elements the allocation can have: <see cref="ElementCount"/> when it is provable,
        /// else a lower bound of the count (<c>Math.Max(n, 1 &lt;&lt; 20)</c>, see <see cref="SizeBounds"/>).
        /// A rent gets at least what it asks for. A managed count beyond the runtime's limits could only throw.
        /// </summary>
        public long? MinimumElementCount =>
            ElementCount ?? (NonNegative(CountBounds.Lower) is long lower && (IsNative || ManagedArrayLimits.DimensionFits(lower)) ? lower : (long?)null);

        /// <summary>
        /// The most elements the allocation can have: <see cref="ElementCount"/> when it is provable, else
        /// an upper bound of the count (<c>Math.Min(0x10000, remaining)</c>, <c>n &lt;= Max ? stackalloc byte[n] : ...</c>).
        /// None for a rent or a capacity constructor, which may allocate more than they were asked for.
        /// </summary>
        public long? MaximumElementCount =>
            ElementCount ?? (Source == BufferSource.ArrayPoolRent || Source == BufferSource.CapacityConstructor ? null : NonNegative(CountBounds.Upper));

        /// <summary>Bytes of <see cref="MinimumElementCount"/>: what the allocation costs at least.</summary>
        public long? MinimumBytes => Sizes.Multiply(MinimumElementCount, ElementSize);

        /// <summary>Bytes of <see cref="MaximumElementCount"/>: what the allocation costs at most.</summary>
        public long? MaximumBytes => Sizes.Multiply(MaximumElementCount, ElementSize);

        /// <summary>Bounds of the single count expression, worked out when a rule first asks.</summary>
        private (long? Lower, long? Upper) CountBounds
        {
            get
            {
                if (!_countBoundsKnown)
                {
                    _countBounds = SizeBounds.Of(CountOperation);
                    _countBoundsKnown = true;
                }

                return _countBounds;
            }
        }

        public bool IsNative => Source.IsNative();

        private static long? NonNegative(long? value) => value >= 0 ? value : null;

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
