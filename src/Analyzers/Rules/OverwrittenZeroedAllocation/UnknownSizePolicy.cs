using System.Collections.Generic;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Rules.OverwrittenZeroedAllocation
{
    /// <summary>
    /// Which ALLOC004 candidates of unprovable size are worth an Info. Below 2,048 bytes the runtime
    /// zeroes an "uninitialized" array anyway, and on real code most arrays of unknown size are small
    /// (keys, salts, counts). By default (<c>data</c>) only sizes that come from data — a length or
    /// count of a stream, array or collection, directly or through a local and arithmetic — or that a
    /// profile measured at the line are reported; <c>all</c> reports every unknown size, <c>none</c>
    /// only provable ones. Set with <c>dotnet_code_quality.ALLOC004.unknown_sizes</c>.
    /// </summary>
    internal static class UnknownSizePolicy
    {
        public const string OptionName = "unknown_sizes";
        public const string Data = "data";
        public const string All = "all";
        public const string None = "none";
        private const int MaxDepth = 8;

        /// <summary><c>dotnet_code_quality.ALLOC004.unknown_sizes</c>: data (default), all, none.</summary>
        public static readonly ChoiceOption Option = new ChoiceOption(RuleIds.OverwrittenZeroedAllocation, OptionName, Data, Data, All, None);

        /// <summary>True when an allocation whose size the analyzer cannot prove is reported under <paramref name="policy"/>.</summary>
        public static bool Reports(string policy, BufferAllocation allocation, AnalysisSession session)
        {
            if (policy == All) return true;
            if (policy == None) return false;
            return session.Measured.At(allocation.Operation.Syntax) != null || IsDataDerived(allocation.CountOperation, 0, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default));
        }

        /// <summary>A count computed from a Length/LongLength/Count property, through casts, arithmetic and single-assignment locals.</summary>
        private static bool IsDataDerived(IOperation? count, int depth, HashSet<ILocalSymbol> seen)
        {
            if (count == null || depth > MaxDepth) return false;
            switch (count.WithoutConversions())
            {
                case IPropertyReferenceOperation property:
                    return property.Property.Name == "Length" || property.Property.Name == "LongLength" || property.Property.Name == "Count";
                case IBinaryOperation binary:
                    return IsDataDerived(binary.LeftOperand, depth + 1, seen) || IsDataDerived(binary.RightOperand, depth + 1, seen);
                case ILocalReferenceOperation local when seen.Add(local.Local):
                    var initializer = OperationIndex.For(local).Declarator(local.Local)?.Initializer?.Value;
                    return IsDataDerived(initializer, depth + 1, seen);
                default:
                    return false;
            }
        }
    }
}
