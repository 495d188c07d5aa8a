using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations.Clears
{
    /// <summary>
    /// Recognizes the ways C# code zeroes a buffer: <c>Array.Clear</c> (all overloads),
    /// <c>Array.Fill(a, 0)</c>, <c>Span&lt;T&gt;.Clear()</c>, <c>Span&lt;T&gt;.Fill(0)</c>,
    /// <c>Unsafe.InitBlock[Unaligned](p, 0, n)</c>, <c>NativeMemory.Clear(p, n)</c>, and a <c>for</c> loop
    /// whose only statement stores zero into element <c>i</c> for <c>i</c> from 0 up to a bound.
    /// A fill whose value is not all-zero bits is not a clear.
    /// </summary>
    internal static class ClearRecognizer
    {
        public static ClearOperation? Recognize(IOperation operation, WellKnownTypes types) => Recognize(operation, types, ZeroValues.IsZero);

        /// <summary>
        /// The same shapes with the stored value accepted by <paramref name="isZero"/>: a helper's summary
        /// accepts a parameter (<c>s.Fill(value)</c>), to be checked for zero at each call.
        /// </summary>
        public static ClearOperation? Recognize(IOperation operation, WellKnownTypes types, System.Func<IOperation, bool> isZero)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return Invocation(invocation, types, isZero);
                case IForLoopOperation loop:
                    return ZeroingLoop(loop, isZero);
                default:
                    return null;
            }
        }

        private static ClearOperation? Invocation(IInvocationOperation invocation, WellKnownTypes types, System.Func<IOperation, bool> isZero)
        {
            var method = invocation.TargetMethod;
            // Two rules ask this of every call in the compilation and nearly none is a clear: the name
            // rejects them before the owner is compared (ContainingType of a constructed method and the
            // symbol comparison are not free).
            if (!IsClearingName(method.Name)) return null;
            var owner = method.ContainingType;
            var arguments = invocation.Arguments;
            if (SymbolEqualityComparer.Default.Equals(owner, types.Array) && method.IsStatic)
            {
                if (method.Name == "Clear" && arguments.Length == 1) return Whole(invocation, invocation.ValueOf(0));
                if (method.Name == "Clear" && arguments.Length == 3) return new ClearOperation(invocation, invocation.ValueOf(0), invocation.ValueOf(1), invocation.ValueOf(2), false, invocation);
                if (method.Name == "Fill" && arguments.Length == 2 && isZero(invocation.ValueOf(1))) return Whole(invocation, invocation.ValueOf(0), invocation.ValueOf(1));
                if (method.Name == "Fill" && arguments.Length == 4 && isZero(invocation.ValueOf(1)))
                {
                    return new ClearOperation(invocation, invocation.ValueOf(0), invocation.ValueOf(2), invocation.ValueOf(3), false, invocation, value: invocation.ValueOf(1));
                }

                return null;
            }

            if (WellKnownTypes.Is(owner, types.Span) && !method.IsStatic && invocation.Instance != null)
            {
                if (method.Name == "Clear" && arguments.Length == 0) return Whole(invocation, invocation.Instance);
                if (method.Name == "Fill" && arguments.Length == 1 && isZero(invocation.ValueOf(0))) return Whole(invocation, invocation.Instance, invocation.ValueOf(0));
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(owner, types.Unsafe) && (method.Name == "InitBlock" || method.Name == "InitBlockUnaligned") &&
                arguments.Length == 3 && isZero(invocation.ValueOf(1)))
            {
                // InitBlock(void* p, 0, n) or InitBlock(ref byte start, 0, n) with start = ref b[0] / ref MemoryMarshal.GetArrayDataReference(b) / ref MemoryMarshal.GetReference(s).
                var first = invocation.ValueOf(0);
                var start = method.Parameters[0].Type.TypeKind == TypeKind.Pointer ? first : FirstElementOwner(first);
                return start == null ? null : new ClearOperation(invocation, start, null, invocation.ValueOf(2), true, invocation, throwsWhenEmpty: first is IArrayElementReferenceOperation, value: invocation.ValueOf(1));
            }

            if (SymbolEqualityComparer.Default.Equals(owner, types.NativeMemory) && method.Name == "Clear" && arguments.Length == 2)
            {
                return new ClearOperation(invocation, invocation.ValueOf(0), null, invocation.ValueOf(1), true, invocation);
            }

            return null;
        }

        /// <summary>The names of the clearing methods recognized here (also a syntax-only pre-check for method summaries).</summary>
        internal static bool IsClearingName(string name) =>
            name == "Clear" || name == "Fill" || name == "InitBlock" || name == "InitBlockUnaligned";

        /// <summary>The array or span whose first element <paramref name="reference"/> refers to, or null.</summary>
        private static IOperation? FirstElementOwner(IOperation reference)
        {
            switch (reference)
            {
                case IArrayElementReferenceOperation element when element.Indices.Length == 1 && ConstantValues.TryGetInt64(element.Indices[0]) == 0:
                    return element.ArrayReference;
                case IInvocationOperation call when call.Arguments.Length == 1 && call.TargetMethod.ContainingType?.ToDisplayString() == "System.Runtime.InteropServices.MemoryMarshal" &&
                    (call.TargetMethod.Name == "GetArrayDataReference" || call.TargetMethod.Name == "GetReference"):
                    return call.Arguments[0].Value;
                default:
                    return null;
            }
        }

        private static ClearOperation Whole(IInvocationOperation invocation, IOperation buffer, IOperation? value = null) =>
            new ClearOperation(invocation, buffer, null, null, false, invocation, value: value);

        /// <summary>A loop whose only statement stores zero into every element up to its bound.</summary>
        private static ClearOperation? ZeroingLoop(IForLoopOperation loop, System.Func<IOperation, bool> isZero)
        {
            var store = ElementStoreLoop.Recognize(loop);
            if (store == null || !isZero(store.Value)) return null;
            return new ClearOperation(loop, store.Buffer, null, store.Bound, false, store.Initializer, value: store.Value);
        }
    }
}
