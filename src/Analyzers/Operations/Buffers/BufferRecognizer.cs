using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Runtime.Model.Allocators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// The one recognizer of buffer allocations (<see cref="BufferAllocation"/>): <c>new T[n]</c>,
    /// <c>GC.AllocateArray</c>, <c>GC.AllocateUninitializedArray</c>, capacity constructors,
    /// <c>ArrayPool&lt;T&gt;.Rent</c>, <c>stackalloc</c>, <c>NativeMemory.Alloc/AllocZeroed/Realloc</c>,
    /// <c>Marshal.AllocHGlobal/AllocCoTaskMem</c>, and P/Invokes bound to <c>calloc</c> and <c>malloc</c>.
    /// Every rule asks it and filters on the model (zeroed or not, source, provable size); none keeps
    /// a recognizer of its own, so that what one rule sees, all do.
    /// </summary>
    internal static class BufferRecognizer
    {
        public static BufferAllocation? Recognize(IOperation operation, WellKnownTypes types)
        {
            switch (operation)
            {
                case IArrayCreationOperation array:
                    return NewArray(array);
                case IInvocationOperation invocation:
                    return Invocation(invocation, types);
                case IObjectCreationOperation creation:
                    return CapacityConstructors.Recognize(creation, types);
                default:
                    return operation.Kind == OperationKind.None && operation.Syntax is StackAllocArrayCreationExpressionSyntax stackAlloc
                        ? Stackalloc(operation, stackAlloc)
                        : null;
            }
        }

        private static BufferAllocation? NewArray(IArrayCreationOperation array)
        {
            // An initializer writes the elements: that is data, not zeroing for nothing.
            if (array.Initializer != null || array.DimensionSizes.IsEmpty || !(array.Type is IArrayTypeSymbol arrayType)) return null;
            long? count = 1;
            foreach (var dimension in array.DimensionSizes)
            {
                long? length = ConstantValues.TryGetInt64(dimension);
                // Beyond the runtime's limits the allocation can only throw: nothing to price or report.
                if (length != null && length >= 0 && !ManagedArrayLimits.DimensionFits(length.Value)) return null;
                count = Sizes.Multiply(count, Sizes.NonNegative(dimension));
            }

            long? elementSize = TypeSizes.ElementSize(arrayType.ElementType);
            if (count != null && !ManagedArrayLimits.ElementCountFits(count.Value, array.DimensionSizes.Length)) return null;
            if (elementSize != null && !ManagedArrayLimits.ElementSizeFits(elementSize.Value)) return null;
            var countOperation = array.DimensionSizes.Length == 1 ? array.DimensionSizes[0] : null;
            return new BufferAllocation(array, BufferSource.NewArray, zeroed: true, arrayType.ElementType, elementSize, countOperation, count);
        }

        private static BufferAllocation? Invocation(IInvocationOperation invocation, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            var owner = method.ContainingType;
            if (types.GC != null && SymbolEqualityComparer.Default.Equals(owner, types.GC) && method.TypeArguments.Length == 1)
            {
                if (method.Name == "AllocateArray") return ManagedArray(invocation, BufferSource.GcAllocateArray, zeroed: true, method.TypeArguments[0], "length");
                if (method.Name == "AllocateUninitializedArray") return ManagedArray(invocation, BufferSource.GcAllocateUninitializedArray, zeroed: false, method.TypeArguments[0], "length");
                return null;
            }

            if (method.Name == "Rent" && !method.IsStatic && IsArrayPool(owner, types) && method.ReturnType is IArrayTypeSymbol rented)
            {
                // At least the size asked for, and whatever an earlier renter left in it.
                var minimum = invocation.ArgumentNamed("minimumLength");
                return new BufferAllocation(invocation, BufferSource.ArrayPoolRent, zeroed: false, rented.ElementType, TypeSizes.ElementSize(rented.ElementType), minimum, null);
            }

            if (types.NativeMemory != null && SymbolEqualityComparer.Default.Equals(owner, types.NativeMemory))
            {
                switch (method.Name)
                {
                    case "AllocZeroed": return Native(invocation, BufferSource.NativeAllocZeroed, zeroed: true);
                    case "Alloc": return Native(invocation, BufferSource.NativeAlloc, zeroed: false);
                    case "Realloc": return NativeBlock(invocation, BufferSource.NativeRealloc, zeroed: false, invocation.ArgumentNamed("byteCount"));
                    default: return null; // aligned allocations have no zeroed counterpart
                }
            }

            if (types.Marshal != null && SymbolEqualityComparer.Default.Equals(owner, types.Marshal) && invocation.Arguments.Length == 1)
            {
                if (method.Name == "AllocHGlobal") return NativeBlock(invocation, BufferSource.AllocHGlobal, zeroed: false, invocation.Arguments[0].Value);
                if (method.Name == "AllocCoTaskMem") return NativeBlock(invocation, BufferSource.AllocCoTaskMem, zeroed: false, invocation.Arguments[0].Value);
                return null;
            }

            switch (NativeCalls.EntryPoint(method, types))
            {
                case "calloc" when invocation.Arguments.Length == 2:
                    return NativeProduct(invocation, BufferSource.CallocImport, zeroed: true, invocation.Arguments[0].Value, invocation.Arguments[1].Value);
                case "malloc" when invocation.Arguments.Length == 1:
                    return NativeBlock(invocation, BufferSource.MallocImport, zeroed: false, invocation.Arguments[0].Value);
                default:
                    return null;
            }
        }

        private static BufferAllocation? ManagedArray(IInvocationOperation invocation, BufferSource source, bool zeroed, ITypeSymbol elementType, string lengthParameter)
        {
            var length = invocation.ArgumentNamed(lengthParameter);
            if (length == null) return null;
            long? count = Sizes.NonNegative(length), elementSize = TypeSizes.ElementSize(elementType);
            // Beyond the runtime's limits the allocation can only throw: nothing to price or report.
            if (ManagedArrayLimits.Exceeded(count, elementSize)) return null;
            return new BufferAllocation(invocation, source, zeroed, elementType, elementSize, length, count);
        }

        /// <summary><c>Alloc(byteCount)</c> or <c>Alloc(elementCount, elementSize)</c>.</summary>
        private static BufferAllocation? Native(IInvocationOperation invocation, BufferSource source, bool zeroed)
        {
            if (invocation.Arguments.Length == 1) return NativeBlock(invocation, source, zeroed, invocation.ArgumentNamed("byteCount"));
            if (invocation.Arguments.Length == 2)
            {
                return NativeProduct(invocation, source, zeroed, invocation.ArgumentNamed("elementCount"), invocation.ArgumentNamed("elementSize"));
            }

            return null;
        }

        private static BufferAllocation? NativeBlock(IInvocationOperation invocation, BufferSource source, bool zeroed, IOperation? bytes) =>
            bytes == null ? null : new BufferAllocation(invocation, source, zeroed, null, 1, bytes, Sizes.NonNegative(bytes));

        /// <summary>A (count, size) pair: the size in bytes is the product, and there is no single count expression.</summary>
        private static BufferAllocation? NativeProduct(IInvocationOperation invocation, BufferSource source, bool zeroed, IOperation? count, IOperation? size)
        {
            if (count == null || size == null) return null;
            return new BufferAllocation(invocation, source, zeroed, null, 1, null, Sizes.Multiply(Sizes.NonNegative(count), Sizes.NonNegative(size)));
        }

        private static BufferAllocation? Stackalloc(IOperation operation, StackAllocArrayCreationExpressionSyntax syntax)
        {
            if (syntax.Initializer != null || !(syntax.Type is ArrayTypeSyntax arrayType) || arrayType.RankSpecifiers.Count != 1) return null;
            var sizeSyntax = arrayType.RankSpecifiers[0].Sizes.Count == 1 ? arrayType.RankSpecifiers[0].Sizes[0] : null;
            IOperation? count = null;
            foreach (var child in operation.ChildOperations)
            {
                if (sizeSyntax != null && sizeSyntax.Span.Contains(child.Syntax.Span)) count = child;
            }

            var elementType = operation.SemanticModel?.GetTypeInfo(arrayType.ElementType).Type;
            if (count == null || elementType == null || elementType.TypeKind == TypeKind.Error) return null;
            // The JIT zeroes the block unless the code is compiled without .locals init.
            bool zeroed = !SkipLocalsInitScope.AppliesAt(operation);
            return new BufferAllocation(operation, BufferSource.Stackalloc, zeroed, elementType, TypeSizes.ElementSize(elementType), count, Sizes.NonNegative(count));
        }

        private static bool IsArrayPool(INamedTypeSymbol? type, WellKnownTypes types)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (WellKnownTypes.Is(current, types.ArrayPool)) return true;
            }

            return false;
        }
    }
}
