using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Rules.RedundantClear
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
        public static ClearOperation? Recognize(IOperation operation, WellKnownTypes types)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return Invocation(invocation, types);
                case IForLoopOperation loop:
                    return ZeroingLoop(loop);
                default:
                    return null;
            }
        }

        private static ClearOperation? Invocation(IInvocationOperation invocation, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            var owner = method.ContainingType;
            var arguments = invocation.Arguments;
            if (SymbolEqualityComparer.Default.Equals(owner, types.Array) && method.IsStatic)
            {
                if (method.Name == "Clear" && arguments.Length == 1) return Whole(invocation, Value(invocation, 0));
                if (method.Name == "Clear" && arguments.Length == 3) return new ClearOperation(invocation, Value(invocation, 0), Value(invocation, 1), Value(invocation, 2), false, invocation);
                if (method.Name == "Fill" && arguments.Length == 2 && ZeroValues.IsZero(Value(invocation, 1))) return Whole(invocation, Value(invocation, 0));
                if (method.Name == "Fill" && arguments.Length == 4 && ZeroValues.IsZero(Value(invocation, 1)))
                {
                    return new ClearOperation(invocation, Value(invocation, 0), Value(invocation, 2), Value(invocation, 3), false, invocation);
                }

                return null;
            }

            if (WellKnownTypes.Is(owner, types.Span) && !method.IsStatic && invocation.Instance != null)
            {
                if (method.Name == "Clear" && arguments.Length == 0) return Whole(invocation, invocation.Instance);
                if (method.Name == "Fill" && arguments.Length == 1 && ZeroValues.IsZero(Value(invocation, 0))) return Whole(invocation, invocation.Instance);
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(owner, types.Unsafe) && (method.Name == "InitBlock" || method.Name == "InitBlockUnaligned") &&
                arguments.Length == 3 && method.Parameters[0].Type.TypeKind == TypeKind.Pointer && ZeroValues.IsZero(Value(invocation, 1)))
            {
                return new ClearOperation(invocation, Value(invocation, 0), null, Value(invocation, 2), true, invocation);
            }

            if (SymbolEqualityComparer.Default.Equals(owner, types.NativeMemory) && method.Name == "Clear" && arguments.Length == 2)
            {
                return new ClearOperation(invocation, Value(invocation, 0), null, Value(invocation, 1), true, invocation);
            }

            return null;
        }

        private static ClearOperation Whole(IInvocationOperation invocation, IOperation buffer) =>
            new ClearOperation(invocation, buffer, null, null, false, invocation);

        /// <summary>The value of the argument bound to parameter <paramref name="ordinal"/> (named arguments may come in any order).</summary>
        private static IOperation Value(IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal) return argument.Value;
            }

            return invocation.Arguments[ordinal].Value;
        }

        /// <summary><c>for (int i = 0; i &lt; bound; i++) buffer[i] = 0;</c> — with or without braces, with <c>++i</c> or <c>i += 1</c>.</summary>
        private static ClearOperation? ZeroingLoop(IForLoopOperation loop)
        {
            if (loop.Before.Length != 1 || loop.AtLoopBottom.Length != 1 || !(loop.Condition is IBinaryOperation condition)) return null;
            if (!(loop.Before[0] is IVariableDeclarationGroupOperation group) || group.Declarations.Length != 1 || group.Declarations[0].Declarators.Length != 1) return null;
            var declarator = group.Declarations[0].Declarators[0];
            var index = declarator.Symbol;
            var initial = declarator.Initializer?.Value;
            if (initial == null || ConstantValues.TryGetInt64(initial) != 0 || index.Type.SpecialType != SpecialType.System_Int32) return null;

            if (condition.OperatorKind != BinaryOperatorKind.LessThan || !IsLocal(condition.LeftOperand, index)) return null;
            if (!IsIncrementByOne(loop.AtLoopBottom[0], index)) return null;

            var store = SingleStatement(loop.Body) as IExpressionStatementOperation;
            if (!(store?.Operation is ISimpleAssignmentOperation assignment) || assignment.IsRef || !ZeroValues.IsZero(assignment.Value)) return null;

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

            // The buffer operand itself must not mention the index (b[i][i] = 0 and the like are not clears).
            foreach (var node in buffer.DescendantsAndSelf())
            {
                if (node is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, index)) return null;
            }

            return new ClearOperation(loop, buffer, null, condition.RightOperand, false, initial);
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
