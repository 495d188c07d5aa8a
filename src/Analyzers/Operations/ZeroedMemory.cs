using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Operations
{
    /// <summary>A fresh block of memory that is zero when the allocating operation completes.</summary>
    internal sealed class ZeroedMemory
    {
        public ZeroedMemory(IOperation operation, ZeroedMemoryKind kind, ITypeSymbol? elementType, long? elementSize, IOperation? countOperation, long? elementCount)
        {
            Operation = operation;
            Kind = kind;
            ElementType = elementType;
            ElementSize = elementSize;
            CountOperation = countOperation;
            ElementCount = elementCount;
        }

        /// <summary>The allocating operation (array creation, stackalloc, AllocZeroed call).</summary>
        public IOperation Operation { get; }

        public ZeroedMemoryKind Kind { get; }

        /// <summary>The element type; null for native memory, which is counted in bytes.</summary>
        public ITypeSymbol? ElementType { get; }

        /// <summary>Bytes per element (1 for native memory), or null when not provable.</summary>
        public long? ElementSize { get; }

        /// <summary>The expression giving the number of elements (bytes for native memory), when there is a single one.</summary>
        public IOperation? CountOperation { get; }

        /// <summary>The element count when it is provable at compile time.</summary>
        public long? ElementCount { get; }

        /// <summary>Total bytes, when provable.</summary>
        public long? Bytes => ElementCount == null || ElementSize == null || ElementCount > long.MaxValue / System.Math.Max(1, ElementSize.Value)
            ? null
            : ElementCount * ElementSize;
    }
}
