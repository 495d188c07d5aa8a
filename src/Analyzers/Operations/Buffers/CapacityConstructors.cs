using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Constructors whose <c>capacity</c> argument sizes a backing array: List, Queue, Stack, HashSet,
    /// Dictionary, MemoryStream, StringBuilder. The buffer's element size is the backing store per
    /// unit of capacity.
    /// </summary>
    internal static class CapacityConstructors
    {
        public static BufferAllocation? Recognize(IObjectCreationOperation creation, WellKnownTypes types)
        {
            if (creation.Constructor == null || creation.Initializer != null || !(creation.Type is INamedTypeSymbol type)) return null;
            IArgumentOperation? capacity = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "capacity" && argument.Parameter.Type.SpecialType == SpecialType.System_Int32) capacity = argument;
            }

            if (capacity == null) return null;
            // The type first: most constructors with a "capacity" parameter are of other types, and
            // proving the count may build the method's operation index.
            long? perElement = BackingBytesPerElement(type, types, out bool zeroed);
            if (perElement == null) return null;
            long? count = Sizes.NonNegative(capacity.Value);
            if (count != null && !Runtime.Model.Allocators.ManagedArrayLimits.DimensionFits(count.Value)) return null;
            ITypeSymbol? element = type.TypeArguments.Length == 1 ? type.TypeArguments[0] : null;
            return new BufferAllocation(creation, BufferSource.CapacityConstructor, zeroed, element, perElement, capacity.Value, count);
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
                // Since .NET 5 the first chunk comes from GC.AllocateUninitializedArray<char>
                // (dotnet/runtime, StringBuilder.cs: the capacity constructor).
                zeroed = !types.HasAllocateUninitializedArray;
                return 2;
            }

            return null;
        }
    }
}
