using System.Collections.Generic;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Finds the allocations a buffer operand (<c>b</c>, <c>b.AsSpan()</c>, <c>s</c>, <c>p</c>) may name,
    /// within the member: the allocation itself when the operand is one, else the values assigned to the
    /// local it reads. A local holding a view of another local (<c>var s = b.AsSpan();</c>) is followed
    /// only when both are assigned exactly once, so that the chain cannot mix two buffers. Which
    /// candidate actually reaches the operand is for the flow view to prove (dominance, rebinding).
    /// </summary>
    internal static class BufferOrigins
    {
        private const int MaxAliasDepth = 3;

        /// <summary>The operand with conversions and whole-buffer views (<c>AsSpan()</c>, <c>new Span&lt;T&gt;(array)</c>) removed.</summary>
        public static IOperation StripViews(IOperation operand, WellKnownTypes types)
        {
            while (true)
            {
                switch (operand)
                {
                    case IConversionOperation conversion when BufferViews.IsTransparent(conversion, types):
                        operand = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operand = parenthesized.Operand;
                        continue;
                    case IInvocationOperation invocation when IsWholeView(invocation):
                        operand = invocation.Instance ?? invocation.Arguments[0].Value;
                        continue;
                    case IObjectCreationOperation creation when creation.Arguments.Length == 1 &&
                        (WellKnownTypes.Is(creation.Type, types.Span) || WellKnownTypes.Is(creation.Type, types.ReadOnlySpan)) &&
                        creation.Arguments[0].Value.Type is IArrayTypeSymbol:
                        operand = creation.Arguments[0].Value;
                        continue;
                    default:
                        return operand;
                }
            }
        }

        /// <summary>Allocation operations (of the original tree) the operand may hold, recognized by <paramref name="isAllocation"/>.</summary>
        public static List<IOperation> Candidates(IOperation operand, WellKnownTypes types, System.Func<IOperation, bool> isAllocation)
        {
            var result = new List<IOperation>();
            Collect(StripViews(operand, types), types, isAllocation, result, 0, requireSingleAssignment: false);
            return result;
        }

        private static void Collect(IOperation value, WellKnownTypes types, System.Func<IOperation, bool> isAllocation, List<IOperation> result, int depth, bool requireSingleAssignment)
        {
            if (isAllocation(value))
            {
                result.Add(value);
                return;
            }

            if (!(value is ILocalReferenceOperation reference) || reference.Local.IsRef || depth > MaxAliasDepth) return;
            var values = AssignedValues(reference);
            if (values == null || (requireSingleAssignment && values.Count != 1)) return;
            foreach (var assigned in values)
            {
                var stripped = StripViews(assigned, types);
                if (isAllocation(stripped)) result.Add(stripped);
                else if (stripped is ILocalReferenceOperation && values.Count == 1) Collect(stripped, types, isAllocation, result, depth + 1, requireSingleAssignment: true);
            }
        }

        /// <summary>Every value stored in the local in the member, or null when it is also written some other way (ref, out, ++, deconstruction).</summary>
        private static List<IOperation>? AssignedValues(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            var values = new List<IOperation>();
            var index = OperationIndex.For(reference);
            var declarator = index.Declarator(local);
            if (declarator?.Initializer != null) values.Add(declarator.Initializer.Value);
            foreach (var other in index.References(local))
            {
                if (!LocalWrites.IsWrite(other)) continue;
                if (other.Parent is ISimpleAssignmentOperation assignment && assignment.Target == other && !assignment.IsRef) values.Add(assignment.Value);
                else if (!other.IsDeclaration) return null;
            }

            return values;
        }

        private static bool IsWholeView(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name != "AsSpan" && method.Name != "AsMemory") return false;
            // b.AsSpan() with no range: the extension's only argument is the receiver.
            return method.IsExtensionMethod ? invocation.Arguments.Length == 1 : invocation.Arguments.Length == 0 && invocation.Instance != null;
        }
    }
}
