using System.Collections.Generic;
using AllocAnalyzers.Flow;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Operations.Clears
{
    /// <summary>
    /// Proves that a clear stays inside a fresh allocation (so removing it cannot remove an
    /// exception either) and works out how many bytes it zeroes. Accepted: the whole buffer; a
    /// count of <c>x.Length</c> from the start, where <c>x</c> holds the same buffer; constant ranges
    /// inside a constant-size allocation; a count that is provably the allocation's own size.
    /// </summary>
    internal static class ClearedRange
    {
        /// <summary>True when the range is proven to lie inside <paramref name="memory"/>; <paramref name="bytes"/> is the size cleared when provable.</summary>
        public static bool TryProve(ClearOperation clear, BufferAllocation memory, IReadOnlyCollection<ILocalSymbol> holdingLocals, out long? bytes)
        {
            bytes = null;
            if (clear.ThrowsWhenEmpty && !(memory.ElementCount > 0)) return false;
            long? start = clear.Start == null ? 0 : ConstantValues.TryGetInt64(clear.Start);
            if (start == null || start < 0) return false;

            if (clear.Count == null)
            {
                bytes = memory.Bytes;
                return true;
            }

            if (start == 0 && HoldingLocals.IsLengthOf(clear.Count, holdingLocals))
            {
                // A byte count of b.Length clears Length bytes: all of a byte buffer, the start of a wider one.
                bytes = clear.CountInBytes ? memory.ElementCount : memory.Bytes;
                return true;
            }

            // Units: element counts against element counts, byte counts against bytes.
            long? capacity = clear.CountInBytes ? memory.Bytes : memory.ElementCount;
            long? count = ConstantValues.TryGetInt64(clear.Count);
            if (count != null && capacity != null)
            {
                if (count < 0 || start + count > capacity) return false;
                bytes = clear.CountInBytes ? count : Multiply(count.Value, memory.ElementSize);
                return true;
            }

            bool sameUnits = clear.CountInBytes ? memory.ElementSize == 1 : memory.ElementType != null;
            if (start == 0 && sameUnits && ProvableValues.AreEqual(clear.Count, memory.CountOperation))
            {
                bytes = memory.Bytes;
                return true;
            }

            return false;
        }

        private static long? Multiply(long count, long? size) =>
            size == null || (size > 0 && count > long.MaxValue / size.Value) ? null : count * size;
    }
}
