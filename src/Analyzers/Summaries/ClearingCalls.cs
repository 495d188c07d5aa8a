using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Operations.Clears;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// Clears as the rules see them across method boundaries: what <see cref="ClearRecognizer"/>
    /// recognizes, calls of source helpers that clear a parameter first thing (<see cref="HelperClear"/>),
    /// and P/Invokes of the C library's and Windows' clears (<c>memset(p, 0, n)</c>, <c>bzero</c>,
    /// <c>RtlZeroMemory</c>) — each as a <see cref="ClearOperation"/> at the call, over the call's arguments.
    /// </summary>
    internal static class ClearingCalls
    {
        public static ClearOperation? Recognize(IOperation operation, WellKnownTypes types, CompilationSummaries summaries)
        {
            var direct = ClearRecognizer.Recognize(operation, types);
            if (direct != null || !(operation is IInvocationOperation call)) return direct;
            var method = call.TargetMethod.OriginalDefinition;
            if (!TakesBuffer(method) || method.DeclaringSyntaxReferences.IsEmpty) return null;
            return method.IsExtern ? NativeImport(call, types) : Helper(call, summaries.HelperClearOf(method, types));
        }

        /// <summary>
        /// Only a method with a parameter that can name memory (an array, a span, a pointer, a native
        /// integer) can clear one: checked on the symbol, so most calls never cost a summary.
        /// </summary>
        private static bool TakesBuffer(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                var type = parameter.Type;
                if (type is IArrayTypeSymbol || type.TypeKind == TypeKind.Pointer || type.SpecialType == SpecialType.System_IntPtr || type.SpecialType == SpecialType.System_UIntPtr) return true;
                if (type.IsRefLikeType && type is INamedTypeSymbol { Name: "Span" }) return true;
            }

            return false;
        }

        /// <summary>True when the call is a clear through a helper that does more than clear (removing the call would remove the rest).</summary>
        public static bool DoesMoreThanClear(IOperation clear, CompilationSummaries summaries, WellKnownTypes types) =>
            clear is IInvocationOperation call && !call.TargetMethod.IsExtern && ClearRecognizer.Recognize(call, types) == null &&
            summaries.HelperClearOf(call.TargetMethod, types)?.ClearsOnly == false;

        private static ClearOperation? Helper(IInvocationOperation call, HelperClear? helper)
        {
            var inner = helper?.Clear;
            if (helper?.Parameter == null || inner == null) return null;
            if (inner.Value != null && !IsZeroAtCall(inner.Value, call)) return null;
            var buffer = call.Arguments.ForParameter(helper.Parameter.Ordinal)?.Value;
            if (buffer == null) return null;
            var start = inner.Start == null ? null : AtCall(inner.Start, call);
            if (inner.Start != null && start == null) return null;
            if (inner.Buffer.WithoutConversions() is IObjectCreationOperation span && span.Arguments.Length == 2)
            {
                // new Span<byte>(p, n).Clear() in the helper: n bytes from p (wider elements are left alone).
                if (!(span.Type is INamedTypeSymbol spanType) || TypeSizes.ElementSize(spanType.TypeArguments[0]) != 1 || inner.Count != null) return null;
                var length = AtCall(span.Arguments[1].Value, call);
                return length == null ? null : new ClearOperation(call, buffer, start, length, true, call);
            }

            // A count of the buffer's own Length (or none) clears it whole.
            if (inner.Count == null || IsLength(inner.Count)) return new ClearOperation(call, buffer, start, null, inner.CountInBytes, call);
            var count = AtCall(inner.Count, call);
            return count == null ? null : new ClearOperation(call, buffer, start, count, inner.CountInBytes, call);
        }

        /// <summary><c>memset(p, 0, n)</c>, <c>bzero(p, n)</c>, <c>RtlZeroMemory(p, n)</c>: byte counts from the start of the block.</summary>
        private static ClearOperation? NativeImport(IInvocationOperation call, WellKnownTypes types)
        {
            if (call.Arguments.Length < 2) return null;
            switch (NativeCalls.EntryPoint(call.TargetMethod, types))
            {
                case "memset" when call.Arguments.Length == 3 && ZeroValues.IsZero(call.ValueOf(1)):
                    return new ClearOperation(call, call.ValueOf(0), null, call.ValueOf(2), true, call);
                case "bzero" when call.Arguments.Length == 2:
                case "RtlZeroMemory" when call.Arguments.Length == 2:
                case "ZeroMemory" when call.Arguments.Length == 2:
                    return new ClearOperation(call, call.ValueOf(0), null, call.ValueOf(1), true, call);
                default:
                    return null;
            }
        }

        /// <summary>The helper's operand at the call: a parameter becomes the argument; a constant stays.</summary>
        private static IOperation? AtCall(IOperation operand, IInvocationOperation call)
        {
            if (operand.WithoutConversions() is IParameterReferenceOperation parameter) return call.Arguments.ForParameter(parameter.Parameter.Ordinal)?.Value;
            return ConstantValues.TryGetInt64(operand) != null ? operand : null;
        }

        private static bool IsZeroAtCall(IOperation value, IInvocationOperation call)
        {
            if (ZeroValues.IsZero(value)) return true;
            var argument = AtCall(value, call);
            return argument != null && ZeroValues.IsZero(argument);
        }

        private static bool IsLength(IOperation count) => count.WithoutConversions() is IPropertyReferenceOperation length && length.Property.Name == "Length";
    }
}
