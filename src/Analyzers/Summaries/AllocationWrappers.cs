using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// Allocations as the rules see them across method boundaries: what <see cref="BufferRecognizer"/>
    /// recognizes, and calls of source methods that return a fresh buffer (<see cref="ReturnedBuffer"/>),
    /// modelled at the call with the call's arguments as the size. <c>static byte[] NewBuffer(int n) =&gt;
    /// new byte[n];</c> makes <c>NewBuffer(1 &lt;&lt; 20)</c> a zeroed 1 MiB array at the caller.
    /// </summary>
    internal static class AllocationWrappers
    {
        public static BufferAllocation? Recognize(IOperation operation, WellKnownTypes types, CompilationSummaries summaries)
        {
            var direct = BufferRecognizer.Recognize(operation, types);
            if (direct != null || !(operation is IInvocationOperation call) || !MayReturnBuffer(call)) return direct;
            var returned = summaries.ReturnedBufferOf(call.TargetMethod, types);
            return returned == null ? null : AtCall(call, returned);
        }

        /// <summary>Only a source method returning an array, a pointer or a native-sized integer can be an allocation wrapper.</summary>
        private static bool MayReturnBuffer(IInvocationOperation call)
        {
            // The return type first: most calls return something else, and it is the cheaper question.
            var method = call.TargetMethod.OriginalDefinition;
            var type = method.ReturnType;
            if (!(type is IArrayTypeSymbol || type.TypeKind == TypeKind.Pointer || type.SpecialType == SpecialType.System_IntPtr)) return false;
            return !method.DeclaringSyntaxReferences.IsEmpty;
        }

        private static BufferAllocation AtCall(IInvocationOperation call, ReturnedBuffer returned)
        {
            var inner = returned.Allocation;
            IOperation? count = inner.CountOperation;
            long? elementCount = inner.ElementCount;
            if (returned.CountParameter != null)
            {
                count = call.Arguments.ForParameter(returned.CountParameter.Value)?.Value;
                elementCount = count == null ? null : Sizes.NonNegative(count);
            }

            // A generic wrapper (T[] Make<T>(int n)) allocates the caller's element type.
            var elementType = call.Type is IArrayTypeSymbol array ? array.ElementType : inner.ElementType;
            long? elementSize = call.Type is IArrayTypeSymbol ? TypeSizes.ElementSize(elementType!) : inner.ElementSize;
            return new BufferAllocation(call, inner.Source, inner.Zeroed, elementType, elementSize, count, elementCount, wrapper: call.TargetMethod.OriginalDefinition);
        }
    }
}
