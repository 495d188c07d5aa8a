using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// The most bytes a use of a byte buffer can reach, where <see cref="BufferUses"/> could not prove it
    /// from constants: a (start, count) pair after the buffer (<c>AsSpan(0, n)</c>,
    /// <c>new Span&lt;byte&gt;(buffer, 0, n)</c>, <c>stream.Write(buffer, 0, n)</c>) or a pointer span
    /// <c>new Span&lt;byte&gt;(p, n)</c>, where <c>n</c> is what a native call given this buffer returned.
    /// By the contract of read/recv-style functions that result is at most the length the call was
    /// given, or negative — which the span or stream rejects exactly as it did before the fix.
    /// </summary>
    internal static class UseBounds
    {
        public static long? Of(BufferUse use, IReadOnlyList<BufferUse> uses)
        {
            if (use.Extent != null) return use.Extent;
            if (use.Argument == null || (use.Kind != BufferUseKind.View && use.Kind != BufferUseKind.Borrowed)) return null;
            // By declared parameter, not by where an argument is written: named arguments may come in any order.
            var arguments = NativeCalls.Arguments(use.Operation);
            int? index = use.Argument.Parameter?.Ordinal;
            if (index == null) return null;
            var bufferType = use.Argument.Value.WithoutConversions().Type;
            if (bufferType is IArrayTypeSymbol array)
            {
                if (array.ElementType.SpecialType != SpecialType.System_Byte && array.ElementType.SpecialType != SpecialType.System_SByte) return null;
                var startArgument = arguments.ForParameter(index.Value + 1);
                var countArgument = arguments.ForParameter(index.Value + 2);
                if (startArgument == null || countArgument == null) return null;
                long? start = ConstantValues.TryGetInt64(startArgument.Value);
                long? count = Count(countArgument.Value, uses);
                return start == null || count == null || start < 0 ? null : start + count;
            }

            var length = arguments.ForParameter(1);
            if (bufferType?.TypeKind == TypeKind.Pointer && use.Operation is IObjectCreationOperation span && arguments.Length == 2 && index == 0 && length != null &&
                span.Type is INamedTypeSymbol named && named.TypeArguments.Length == 1 &&
                (named.TypeArguments[0].SpecialType == SpecialType.System_Byte || named.TypeArguments[0].SpecialType == SpecialType.System_SByte))
            {
                return Count(length.Value, uses);
            }

            return null;
        }

        /// <summary>A constant, or a local initialized by a native call that was given this buffer and never written again.</summary>
        private static long? Count(IOperation value, IReadOnlyList<BufferUse> uses)
        {
            long? constant = ConstantValues.TryGetInt64(value);
            if (constant != null) return constant < 0 ? null : constant;
            if (!(value.WithoutConversions() is ILocalReferenceOperation reference)) return null;
            var local = reference.Local;
            var call = OperationIndex.For(reference).InitializerIfNeverWritten(local)?.WithoutConversions();
            var native = uses.FirstOrDefault(u => u.Kind == BufferUseKind.NativeCall && u.Operation == call);
            return native?.Extent;
        }
    }
}
