using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Rules.OversizedInteropBuffer
{
    /// <summary>
    /// A buffer that arrives zero-filled, of proven size: <c>new T[n]</c>, <c>GC.AllocateArray&lt;T&gt;(n)</c>,
    /// <c>NativeMemory.AllocZeroed</c>, <c>calloc</c>. Shared by the ALLOC003 analyzer and its fix.
    /// </summary>
    internal sealed class ZeroedBuffer
    {
        private ZeroedBuffer(IOperation operation, long bytes, long elementSize, IOperation? sizeOperation, bool native)
        {
            Operation = operation;
            Bytes = bytes;
            ElementSize = elementSize;
            SizeOperation = sizeOperation;
            Native = native;
        }

        public IOperation Operation { get; }
        public long Bytes { get; }

        /// <summary>Bytes per element (1 for native blocks).</summary>
        public long ElementSize { get; }

        /// <summary>The single size argument (element count or bytes), or null for two-argument forms.</summary>
        public IOperation? SizeOperation { get; }

        /// <summary>True for native blocks (AllocZeroed, calloc), false for managed arrays.</summary>
        public bool Native { get; }

        public static ZeroedBuffer? Recognize(IOperation operation, WellKnownTypes types)
        {
            var managed = ManagedAllocationRecognizer.Recognize(operation, types);
            if (managed != null)
            {
                if (managed.Kind == AllocationKind.CapacityConstructor || !managed.ZeroedByRuntime || !(managed.Type is IArrayTypeSymbol array) || array.Rank != 1) return null;
                long? elementSize = TypeSizes.ElementSize(array.ElementType);
                if (elementSize == null || elementSize <= 0) return null;
                return new ZeroedBuffer(operation, managed.Bytes, elementSize.Value, managed.SizeOperation, native: false);
            }

            var native = NativeAllocation.Recognize(operation, types);
            if (native == null || !native.Zeroed || native.Bytes == null) return null;
            var size = native.Invocation.Arguments.Length == 1 ? native.Invocation.Arguments[0].Value : null;
            return new ZeroedBuffer(operation, native.Bytes.Value, 1, size, native: true);
        }
    }
}
