using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// What the conditions around a read of a parameter or local say about its value: inside the
    /// true branch of <c>if (n &lt;= Max)</c> or <c>n &lt;= Max ? ... : ...</c> it is at most Max (the
    /// false branch gets the negation; <c>&amp;&amp;</c>, <c>||</c> and <c>!</c> are followed), and after
    /// <c>if (n &gt; Max) return;</c> (or throw, break, continue) in the same block likewise. Only for a
    /// variable that nothing in the member writes, so that the value tested is the value read.
    /// </summary>
    internal static class Guards
    {
        private static readonly (long? Lower, long? Upper) Unknown = (null, null);

        /// <summary>Found once per block: every allocation in a long block asks, and each answer must not rescan it.</summary>
        private static readonly ConditionalWeakTable<IBlockOperation, BlockExits> Exits = new ConditionalWeakTable<IBlockOperation, BlockExits>();

        public static (long? Lower, long? Upper) Of(IOperation reference)
        {
            ISymbol? symbol = reference switch
            {
                ILocalReferenceOperation local when !local.Local.IsRef => local.Local,
                IParameterReferenceOperation parameter when parameter.Parameter.RefKind == RefKind.None => parameter.Parameter,
                _ => null,
            };
            if (symbol == null) return Unknown;
            var range = Unknown;
            bool? unwritten = null;
            IOperation child = reference;
            for (var parent = reference.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                var facts = Unknown;
                if (parent is IConditionalOperation conditional && (child == conditional.WhenTrue || child == conditional.WhenFalse))
                {
                    facts = Facts(conditional.Condition, symbol, holds: child == conditional.WhenTrue);
                }
                else if (parent is IBlockOperation block)
                {
                    facts = EarlyExits(block, child, symbol);
                }

                if (facts.Lower == null && facts.Upper == null) continue;
                unwritten ??= !ProvableValues.IsWrittenAnywhere(reference, symbol);
                if (unwritten == false) return Unknown;
                range = SizeBounds.Tighter(range, facts);
            }

            return range;
        }

        /// <summary>What the statements before <paramref name="child"/> that leave the block when their condition holds say.</summary>
        private static (long? Lower, long? Upper) EarlyExits(IBlockOperation block, IOperation child, ISymbol symbol)
        {
            var exits = Exits.GetValue(block, BlockExits.Of);
            if (exits.Tests.Count == 0) return Unknown;
            int start = child.Syntax.SpanStart;
            // A label (on the allocation's statement too) can be reached by a goto from before a test.
            int label = -1;
            foreach (int position in exits.Labels)
            {
                if (position <= start) label = position;
            }

            var range = Unknown;
            foreach (var test in exits.Tests)
            {
                int position = test.Syntax.SpanStart;
                if (position > label && position < start) range = SizeBounds.Tighter(range, Facts(test.Condition, symbol, holds: false));
            }

            return range;
        }

        /// <summary>A block's early exits (<c>if (...) return;</c> with no else) and labels, in source order.</summary>
        private sealed class BlockExits
        {
            public List<IConditionalOperation> Tests { get; } = new List<IConditionalOperation>();

            public List<int> Labels { get; } = new List<int>();

            public static BlockExits Of(IBlockOperation block)
            {
                var exits = new BlockExits();
                foreach (var statement in block.Operations)
                {
                    if (statement is ILabeledOperation) exits.Labels.Add(statement.Syntax.SpanStart);
                    if (statement is IConditionalOperation test && test.WhenFalse == null && AlwaysLeaves(test.WhenTrue)) exits.Tests.Add(test);
                }

                return exits;
            }
        }

        private static bool AlwaysLeaves(IOperation operation)
        {
            while (operation is IBlockOperation block && block.Operations.Length > 0) operation = block.Operations[block.Operations.Length - 1];
            if (operation is IExpressionStatementOperation statement) operation = statement.Operation;
            // yield return comes back: not an exit.
            return (operation is IReturnOperation exit && exit.Kind != OperationKind.YieldReturn) || operation is IThrowOperation ||
                (operation is IBranchOperation branch && (branch.BranchKind == BranchKind.Break || branch.BranchKind == BranchKind.Continue));
        }

        /// <summary>The bounds on <paramref name="symbol"/> when <paramref name="condition"/> evaluates to <paramref name="holds"/>.</summary>
        private static (long? Lower, long? Upper) Facts(IOperation condition, ISymbol symbol, bool holds)
        {
            switch (condition)
            {
                case IUnaryOperation unary when unary.OperatorKind == UnaryOperatorKind.Not && unary.OperatorMethod == null:
                    return Facts(unary.Operand, symbol, !holds);
                case IBinaryOperation binary when binary.OperatorMethod == null:
                    if (binary.OperatorKind == BinaryOperatorKind.ConditionalAnd && holds || binary.OperatorKind == BinaryOperatorKind.ConditionalOr && !holds)
                    {
                        return SizeBounds.Tighter(Facts(binary.LeftOperand, symbol, holds), Facts(binary.RightOperand, symbol, holds));
                    }

                    return Comparison(binary, symbol, holds);
                default:
                    return Unknown;
            }
        }

        private static (long? Lower, long? Upper) Comparison(IBinaryOperation binary, ISymbol symbol, bool holds)
        {
            var kind = binary.OperatorKind;
            long? constant;
            if (Reads(binary.LeftOperand, symbol))
            {
                constant = ConstantValues.TryGetInt64(binary.RightOperand);
            }
            else if (Reads(binary.RightOperand, symbol))
            {
                constant = ConstantValues.TryGetInt64(binary.LeftOperand);
                kind = Mirrored(kind);
            }
            else
            {
                return Unknown;
            }

            if (constant == null) return Unknown;
            if (!holds) kind = Negated(kind);
            long k = constant.Value;
            switch (kind)
            {
                case BinaryOperatorKind.LessThanOrEqual: return (null, k);
                case BinaryOperatorKind.LessThan: return k == long.MinValue ? Unknown : (null, k - 1);
                case BinaryOperatorKind.GreaterThanOrEqual: return (k, null);
                case BinaryOperatorKind.GreaterThan: return k == long.MaxValue ? Unknown : (k + 1, null);
                case BinaryOperatorKind.Equals: return (k, k);
                default: return Unknown;
            }
        }

        /// <summary>A read of the variable, through conversions that keep every value (int to long, not int to uint).</summary>
        private static bool Reads(IOperation operand, ISymbol symbol)
        {
            while (operand is IConversionOperation conversion && conversion.Conversion.IsImplicit && !conversion.Conversion.IsUserDefined) operand = conversion.Operand;
            return operand switch
            {
                ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
                IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol),
                _ => false,
            };
        }

        private static BinaryOperatorKind Mirrored(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
            _ => kind,
        };

        private static BinaryOperatorKind Negated(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThanOrEqual,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThanOrEqual,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.Equals => BinaryOperatorKind.NotEquals,
            BinaryOperatorKind.NotEquals => BinaryOperatorKind.Equals,
            _ => BinaryOperatorKind.None,
        };
    }
}
