using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Operations
{
    /// <summary>A managed allocation whose backing store size is proven at compile time.</summary>
    internal sealed class ManagedAllocation
    {
        public ManagedAllocation(IOperation operation, AllocationKind kind, ITypeSymbol? elementType, IOperation sizeOperation, long elementCount, long bytes, bool zeroedByRuntime)
        {
            Operation = operation;
            Kind = kind;
            ElementType = elementType;
            SizeOperation = sizeOperation;
            ElementCount = elementCount;
            Bytes = bytes;
            ZeroedByRuntime = zeroedByRuntime;
        }

        /// <summary>The creation itself (array creation, invocation or object creation).</summary>
        public IOperation Operation { get; }

        public AllocationKind Kind { get; }

        /// <summary>The array element type, for array allocations.</summary>
        public ITypeSymbol? ElementType { get; }

        /// <summary>The length or capacity argument.</summary>
        public IOperation SizeOperation { get; }

        public long ElementCount { get; }

        /// <summary>Bytes of the backing store (a lower bound: headers and rounding are not counted).</summary>
        public long Bytes { get; }

        /// <summary>False where the runtime hands out the store uninitialized (StringBuilder on .NET 5+).</summary>
        public bool ZeroedByRuntime { get; }

        /// <summary>The type of the allocated object (the array type, List&lt;T&gt;, ...).</summary>
        public ITypeSymbol? Type => Operation.Type;
    }
}
