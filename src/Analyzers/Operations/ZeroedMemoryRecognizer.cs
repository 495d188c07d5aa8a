using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Runtime.Model.Allocators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Recognizes operations that return memory which is provably all zero: <c>new T[n]</c> without an
    /// initializer, <c>GC.AllocateArray&lt;T&gt;(n)</c>, <c>NativeMemory.AllocZeroed</c>, and
    /// <c>stackalloc T[n]</c> without an initializer where no <c>[SkipLocalsInit]</c> applies.
    /// Not zero, so never recognized: rented arrays (ArrayPool keeps old contents),
    /// <c>GC.AllocateUninitializedArray</c>, <c>Marshal.AllocHGlobal</c>, <c>NativeMemory.Alloc</c>.
    /// The size need not be provable; <see cref="ZeroedMemory.ElementCount"/> is null then.
    /// </summary>
    internal static class ZeroedMemoryRecognizer
    {
        public static ZeroedMemory? Recognize(IOperation operation, WellKnownTypes types)
        {
            switch (operation)
            {
                case IArrayCreationOperation array when array.Initializer == null && array.DimensionSizes.Length == 1 && array.Type is IArrayTypeSymbol arrayType:
                    return Managed(array, arrayType.ElementType, array.DimensionSizes[0]);
                case IInvocationOperation invocation:
                    return Invocation(invocation, types);
                default:
                    return operation.Kind == OperationKind.None && operation.Syntax is StackAllocArrayCreationExpressionSyntax stackAlloc
                        ? Stackalloc(operation, stackAlloc)
                        : null;
            }
        }

        private static ZeroedMemory? Invocation(IInvocationOperation invocation, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "AllocateArray" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.GC) &&
                method.TypeArguments.Length == 1 && invocation.Arguments.Length >= 1)
            {
                return Managed(invocation, method.TypeArguments[0], ArgumentValue(invocation, "length"));
            }

            if (method.Name == "AllocZeroed" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.NativeMemory))
            {
                if (invocation.Arguments.Length == 1)
                {
                    var bytes = ArgumentValue(invocation, "byteCount");
                    return new ZeroedMemory(invocation, ZeroedMemoryKind.NativeZeroed, null, 1, bytes, ConstantValues.TryGetInt64(bytes));
                }

                if (invocation.Arguments.Length == 2)
                {
                    // AllocZeroed(elementCount, elementSize): count in bytes is the product.
                    long? count = ConstantValues.TryGetInt64(ArgumentValue(invocation, "elementCount"));
                    long? size = ConstantValues.TryGetInt64(ArgumentValue(invocation, "elementSize"));
                    long? product = count != null && size != null && size > 0 && count <= long.MaxValue / size ? count * size : null;
                    return new ZeroedMemory(invocation, ZeroedMemoryKind.NativeZeroed, null, 1, null, product);
                }
            }

            return null;
        }

        private static ZeroedMemory? Managed(IOperation operation, ITypeSymbol elementType, IOperation? count)
        {
            if (count == null) return null;
            var memory = new ZeroedMemory(operation, ZeroedMemoryKind.ManagedArray, elementType, TypeSizes.ElementSize(elementType), count, NonNegative(count));
            // Beyond the runtime's limits the allocation can only throw: no memory, nothing after it runs.
            return ManagedArrayLimits.Exceeded(memory.ElementCount, memory.ElementSize) ? null : memory;
        }

        private static ZeroedMemory? Stackalloc(IOperation operation, StackAllocArrayCreationExpressionSyntax syntax)
        {
            if (syntax.Initializer != null || !(syntax.Type is ArrayTypeSyntax arrayType) || arrayType.RankSpecifiers.Count != 1) return null;
            if (SkipLocalsInitScope.AppliesAt(operation)) return null;
            var sizeSyntax = arrayType.RankSpecifiers[0].Sizes.Count == 1 ? arrayType.RankSpecifiers[0].Sizes[0] : null;
            IOperation? count = null;
            foreach (var child in operation.ChildOperations)
            {
                if (sizeSyntax != null && sizeSyntax.Span.Contains(child.Syntax.Span)) count = child;
            }

            var elementType = operation.SemanticModel?.GetTypeInfo(arrayType.ElementType).Type;
            if (count == null || elementType == null || elementType.TypeKind == TypeKind.Error) return null;
            return new ZeroedMemory(operation, ZeroedMemoryKind.ZeroedStackalloc, elementType, TypeSizes.ElementSize(elementType), count, NonNegative(count));
        }

        private static long? NonNegative(IOperation operation)
        {
            long? value = ConstantValues.TryGetInt64(operation);
            return value >= 0 ? value : null;
        }

        private static IOperation? ArgumentValue(IInvocationOperation invocation, string parameter)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameter) return argument.Value;
            }

            return null;
        }
    }
}
