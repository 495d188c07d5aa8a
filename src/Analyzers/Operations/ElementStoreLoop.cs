using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// The loop <c>for (int i = 0; i &lt; bound; i++) buffer[i] = value;</c> — braces optional, <c>++i</c>
    /// and <c>i += 1</c> accepted — whose only statement stores into element <c>i</c> of one array or
    /// span. With nothing else in the body it cannot skip an index or leave early, so it stores into
    /// every element from 0 to <c>bound - 1</c>.
    /// </summary>
    internal sealed class ElementStoreLoop
    {
        private ElementStoreLoop(IForLoopOperation loop, IOperation buffer, IOperation bound, IOperation value, IOperation initializer, ILocalSymbol index)
        {
            Loop = loop;
            Buffer = buffer;
            Bound = bound;
            Value = value;
            Initializer = initializer;
            Index = index;
        }

        public IForLoopOperation Loop { get; }

        /// <summary>The array or span operand the loop stores into.</summary>
        public IOperation Buffer { get; }

        /// <summary>The exclusive upper bound of the index.</summary>
        public IOperation Bound { get; }

        /// <summary>The stored value.</summary>
        public IOperation Value { get; }

        /// <summary>The index's initial value: where the loop starts, for flow questions.</summary>
        public IOperation Initializer { get; }

        public ILocalSymbol Index { get; }

        public static ElementStoreLoop? Recognize(IForLoopOperation loop)
        {
            if (loop.Before.Length != 1 || loop.AtLoopBottom.Length != 1 || !(loop.Condition is IBinaryOperation condition)) return null;
            if (!(loop.Before[0] is IVariableDeclarationGroupOperation group) || group.Declarations.Length != 1 || group.Declarations[0].Declarators.Length != 1) return null;
            var declarator = group.Declarations[0].Declarators[0];
            var index = declarator.Symbol;
            var initial = declarator.Initializer?.Value;
            if (initial == null || index.Type.SpecialType != SpecialType.System_Int32) return null;

            if (!IsUpperBound(condition) || !IsLocal(condition.LeftOperand, index)) return null;
            if (!IsIncrementByOne(loop.AtLoopBottom[0], index)) return null;

            var store = SingleStatement(loop.Body) as IExpressionStatementOperation;
            if (!(store?.Operation is ISimpleAssignmentOperation assignment) || assignment.IsRef) return null;

            IOperation? buffer;
            switch (assignment.Target)
            {
                case IArrayElementReferenceOperation element when element.Indices.Length == 1 && IsLocal(element.Indices[0], index):
                    buffer = element.ArrayReference;
                    break;
                case IPropertyReferenceOperation indexer when indexer.Property.IsIndexer && indexer.Arguments.Length == 1 && IsLocal(indexer.Arguments[0].Value, index) && indexer.Instance != null:
                    buffer = indexer.Instance;
                    break;
                default:
                    return null;
            }

            // The index may appear only as the index: not in the buffer operand, not written by the value.
            if (Mentions(buffer, index) || WritesLocal(assignment.Value, index)) return null;
            // The start last: the shape rejects nearly every loop of the compilation for free, while
            // proving the start may follow locals through the method's operation index.
            if (ConstantValues.TryGetInt64(initial) != 0) return null;
            return new ElementStoreLoop(loop, buffer, condition.RightOperand, assignment.Value, initial, index);
        }

        /// <summary>
        /// <c>i &lt; n</c>, or <c>i != n</c> with <c>n</c> provably not negative (a constant, an array's or
        /// span's <c>Length</c>): counting up from 0 by one, both stop at <c>n</c>.
        /// </summary>
        private static bool IsUpperBound(IBinaryOperation condition)
        {
            if (condition.OperatorKind == BinaryOperatorKind.LessThan) return true;
            if (condition.OperatorKind != BinaryOperatorKind.NotEquals) return false;
            var bound = condition.RightOperand.WithoutConversions();
            if (bound is IPropertyReferenceOperation length && length.Property.Name == "Length" && length.Instance != null) return true;
            long? constant = ConstantValues.TryGetInt64(bound);
            return constant != null && constant >= 0;
        }

        private static IOperation? SingleStatement(IOperation body)
        {
            while (body is IBlockOperation block)
            {
                if (block.Operations.Length != 1) return null;
                body = block.Operations[0];
            }

            return body;
        }

        private static bool IsLocal(IOperation operation, ILocalSymbol local) =>
            operation.WithoutConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        private static bool Mentions(IOperation operation, ILocalSymbol local)
        {
            foreach (var node in operation.DescendantsAndSelf())
            {
                if (node is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)) return true;
            }

            return false;
        }

        private static bool WritesLocal(IOperation operation, ILocalSymbol local)
        {
            foreach (var node in operation.DescendantsAndSelf())
            {
                if (node is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) && LocalWrites.IsWrite(reference)) return true;
            }

            return false;
        }

        private static bool IsIncrementByOne(IOperation operation, ILocalSymbol local)
        {
            if (operation is IExpressionStatementOperation statement) operation = statement.Operation;
            switch (operation)
            {
                case IIncrementOrDecrementOperation increment:
                    return increment.Kind == OperationKind.Increment && IsLocal(increment.Target, local);
                case ICompoundAssignmentOperation compound:
                    return compound.OperatorKind == BinaryOperatorKind.Add && IsLocal(compound.Target, local) && ConstantValues.TryGetInt64(compound.Value) == 1;
                default:
                    return false;
            }
        }
    }
}
