using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Runtime.Model.Allocators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Recognizes managed allocations that the runtime zero-initializes and proves their size:
    /// <c>new T[n]</c>, <c>GC.AllocateArray&lt;T&gt;(n)</c>, and constructors whose capacity sizes a
    /// backing array. Returns null when the shape or the size is not provable.
    /// </summary>
    internal static class ManagedAllocationRecognizer
    {
        public static ManagedAllocation? Recognize(IOperation operation, WellKnownTypes types)
        {
            switch (operation)
            {
                case IArrayCreationOperation array:
                    return ArrayCreation(array);
                case IInvocationOperation invocation:
                    return GcAllocateArray(invocation, types);
                case IObjectCreationOperation creation:
                    return CapacityConstructor(creation, types);
                default:
                    return null;
            }
        }

        private static ManagedAllocation? ArrayCreation(IArrayCreationOperation array)
        {
            // An initializer writes the elements: that is data, not zeroing for nothing.
            if (array.Initializer != null || array.DimensionSizes.IsEmpty) return null;
            if (!(array.Type is IArrayTypeSymbol arrayType)) return null;
            long count = 1;
            foreach (var dimension in array.DimensionSizes)
            {
                long? length = ConstantValues.TryGetInt64(dimension);
                if (length == null || !ManagedArrayLimits.DimensionFits(length.Value)) return null;
                count = SafeMultiply(count, length.Value);
                if (count < 0) return null;
            }

            // Beyond the runtime's limits the allocation can only throw: nothing to price or report.
            if (!ManagedArrayLimits.ElementCountFits(count, array.DimensionSizes.Length)) return null;

            return Create(array, AllocationKind.ArrayCreation, arrayType.ElementType, array.DimensionSizes[0], count, zeroed: true);
        }

        private static ManagedAllocation? GcAllocateArray(IInvocationOperation invocation, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            if (method.Name != "AllocateArray" || !SymbolEqualityComparer.Default.Equals(method.ContainingType, types.GC)) return null;
            if (method.TypeArguments.Length != 1 || invocation.Arguments.Length == 0) return null;
            var lengthArgument = invocation.Arguments[0].Value;
            long? length = ConstantValues.TryGetInt64(lengthArgument);
            if (length == null || !ManagedArrayLimits.DimensionFits(length.Value)) return null;
            return Create(invocation, AllocationKind.GcAllocateArray, method.TypeArguments[0], lengthArgument, length.Value, zeroed: true);
        }

        private static ManagedAllocation? CapacityConstructor(IObjectCreationOperation creation, WellKnownTypes types)
        {
            var constructor = creation.Constructor;
            if (constructor == null || creation.Initializer != null) return null;
            IArgumentOperation? capacityArgument = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "capacity" && argument.Parameter.Type.SpecialType == SpecialType.System_Int32)
                {
                    capacityArgument = argument;
                }
            }

            if (capacityArgument == null) return null;
            long? capacity = ConstantValues.TryGetInt64(capacityArgument.Value);
            if (capacity == null || !ManagedArrayLimits.DimensionFits(capacity.Value)) return null;

            var type = creation.Type as INamedTypeSymbol;
            if (type == null) return null;
            long? perElement = BackingBytesPerElement(type, types, out bool zeroed);
            if (perElement == null) return null;
            long bytes = SafeMultiply(capacity.Value, perElement.Value);
            if (bytes < 0) return null;
            ITypeSymbol? element = type.TypeArguments.Length == 1 ? type.TypeArguments[0] : null;
            return new ManagedAllocation(creation, AllocationKind.CapacityConstructor, element, capacityArgument.Value, capacity.Value, bytes, zeroed);
        }

        /// <summary>
        /// Bytes of backing store per unit of capacity. The hash-based collections allocate a prime
        /// number of buckets and entries of at least the capacity, so this is a lower bound.
        /// </summary>
        private static long? BackingBytesPerElement(INamedTypeSymbol type, WellKnownTypes types, out bool zeroed)
        {
            zeroed = true;
            if (WellKnownTypes.Is(type, types.List) || WellKnownTypes.Is(type, types.Queue) || WellKnownTypes.Is(type, types.Stack))
            {
                return TypeSizes.ElementSize(type.TypeArguments[0]);
            }

            if (WellKnownTypes.Is(type, types.HashSet))
            {
                // int bucket + Entry { int HashCode; int Next; T Value }.
                long? value = TypeSizes.ElementSize(type.TypeArguments[0]);
                return value == null ? null : 4 + 8 + value;
            }

            if (WellKnownTypes.Is(type, types.Dictionary))
            {
                // int bucket + Entry { uint hashCode; int next; TKey key; TValue value }.
                long? key = TypeSizes.ElementSize(type.TypeArguments[0]);
                long? value = TypeSizes.ElementSize(type.TypeArguments[1]);
                return key == null || value == null ? null : 4 + 8 + key + value;
            }

            if (WellKnownTypes.Is(type, types.MemoryStream)) return 1;

            if (WellKnownTypes.Is(type, types.StringBuilder))
            {
                // Since .NET 5 the first chunk comes from GC.AllocateUninitializedArray<char>.
                zeroed = !types.HasAllocateUninitializedArray;
                return 2;
            }

            return null;
        }

        private static ManagedAllocation? Create(IOperation operation, AllocationKind kind, ITypeSymbol element, IOperation size, long count, bool zeroed)
        {
            long? elementSize = TypeSizes.ElementSize(element);
            if (elementSize == null || !ManagedArrayLimits.ElementSizeFits(elementSize.Value)) return null;
            long bytes = SafeMultiply(count, elementSize.Value);
            return bytes < 0 ? null : new ManagedAllocation(operation, kind, element, size, count, bytes, zeroed);
        }

        /// <summary>The product, or -1 on overflow.</summary>
        private static long SafeMultiply(long a, long b)
        {
            if (a == 0 || b == 0) return 0;
            return a > long.MaxValue / b ? -1 : a * b;
        }
    }
}
