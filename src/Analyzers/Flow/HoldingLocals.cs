using System.Collections.Generic;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>Questions about <see cref="BufferFlowView.HoldingLocals"/>: the locals that hold a tracked buffer or a whole view of it.</summary>
    internal static class HoldingLocals
    {
        public static bool Contains(IReadOnlyCollection<ILocalSymbol> holders, ILocalSymbol local)
        {
            foreach (var holder in holders)
            {
                if (SymbolEqualityComparer.Default.Equals(holder, local)) return true;
            }

            return false;
        }

        /// <summary>True when <paramref name="operand"/> is a holding local, possibly through whole-buffer views (<c>b.AsSpan()</c>).</summary>
        public static bool IsHolder(IOperation operand, IReadOnlyCollection<ILocalSymbol> holders, WellKnownTypes types) =>
            BufferOrigins.StripViews(operand, types) is ILocalReferenceOperation local && Contains(holders, local.Local);

        /// <summary>True when <paramref name="count"/> is <c>x.Length</c> of a holding local <c>x</c>.</summary>
        public static bool IsLengthOf(IOperation count, IReadOnlyCollection<ILocalSymbol> holders)
        {
            while (count is IConversionOperation conversion && !conversion.Conversion.IsUserDefined) count = conversion.Operand;
            if (!(count is IPropertyReferenceOperation property) || property.Property.Name != "Length") return false;
            var instance = property.Instance;
            while (instance is IConversionOperation conversion && !conversion.Conversion.IsUserDefined) instance = conversion.Operand;
            return instance is ILocalReferenceOperation local && Contains(holders, local.Local);
        }

        /// <summary>True when any operation inside <paramref name="operation"/> reads a holding local.</summary>
        public static bool AreMentionedIn(IOperation operation, IReadOnlyCollection<ILocalSymbol> holders)
        {
            foreach (var node in operation.DescendantsAndSelf())
            {
                if (node is ILocalReferenceOperation local && Contains(holders, local.Local)) return true;
            }

            return false;
        }
    }
}
