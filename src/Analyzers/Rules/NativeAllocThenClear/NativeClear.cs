using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Operations.Clears;
using AllocAnalyzers.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Rules.NativeAllocThenClear
{
    /// <summary>
    /// A clear of native memory from its start: <c>NativeMemory.Clear(p, n)</c>,
    /// <c>Unsafe.InitBlock[Unaligned](p, 0, n)</c>, <c>new Span&lt;T&gt;(p, n).Clear()</c> (or <c>Fill(0)</c>)
    /// — recognized by ALLOC002's <see cref="ClearRecognizer"/> — and a loop storing zero through the
    /// pointer, <c>for (int i = 0; i &lt; n; i++) p[i] = 0;</c>, and calls of helpers that clear a block
    /// (<see cref="ClearingCalls"/>). The size cleared is
    /// <see cref="Count"/> × <see cref="UnitSize"/> bytes.
    /// </summary>
    internal sealed class NativeClear
    {
        private NativeClear(IOperation operation, IOperation pointer, IOperation count, long unitSize, IOperation flowPoint)
        {
            Operation = operation;
            Pointer = pointer;
            Count = count;
            UnitSize = unitSize;
            FlowPoint = flowPoint;
        }

        /// <summary>The clearing call or loop (a statement of its own).</summary>
        public IOperation Operation { get; }

        public IOperation Pointer { get; }
        public IOperation Count { get; }

        /// <summary>Bytes per unit of <see cref="Count"/>.</summary>
        public long UnitSize { get; }

        public IOperation FlowPoint { get; }

        public static NativeClear? Recognize(IOperation operation, WellKnownTypes types, CompilationSummaries summaries)
        {
            if (operation is IForLoopOperation loop) return PointerZeroingLoop(loop) ?? FromClear(operation, types, summaries);
            return FromClear(operation, types, summaries);
        }

        private static NativeClear? FromClear(IOperation operation, WellKnownTypes types, CompilationSummaries summaries)
        {
            // Through clearing helpers too (a ZeroMemory(p, n) helper, RtlZeroMemory, memset(p, 0, n)).
            var clear = ClearingCalls.Recognize(operation, types, summaries);
            if (clear == null || (clear.Start != null && ConstantValues.TryGetInt64(clear.Start) != 0)) return null;
            var buffer = clear.Buffer.WithoutConversions();
            if (clear.Count == null && buffer is IObjectCreationOperation span && span.Arguments.Length == 2 &&
                (WellKnownTypes.Is(span.Type, types.Span) || WellKnownTypes.Is(span.Type, types.ReadOnlySpan)) &&
                span.Arguments[0].Value.Type?.TypeKind == TypeKind.Pointer && span.Type is INamedTypeSymbol named)
            {
                long? size = TypeSizes.ElementSize(named.TypeArguments[0]);
                return size == null ? null : new NativeClear(clear.Operation, span.Arguments[0].Value, span.Arguments[1].Value, size.Value, clear.FlowPoint);
            }

            var pointerType = clear.Buffer.Type;
            if (clear.CountInBytes && clear.Count != null && (pointerType?.TypeKind == TypeKind.Pointer || pointerType?.SpecialType == SpecialType.System_IntPtr))
            {
                return new NativeClear(clear.Operation, clear.Buffer, clear.Count, 1, clear.FlowPoint);
            }

            return null;
        }

        /// <summary><c>for (int i = 0; i &lt; n; i++) p[i] = 0;</c> with <c>p</c> a pointer.</summary>
        private static NativeClear? PointerZeroingLoop(IForLoopOperation loop)
        {
            if (loop.Before.Length != 1 || loop.AtLoopBottom.Length != 1 || !(loop.Condition is IBinaryOperation condition)) return null;
            if (!(loop.Before[0] is IVariableDeclarationGroupOperation group) || group.Declarations.Length != 1 || group.Declarations[0].Declarators.Length != 1) return null;
            var declarator = group.Declarations[0].Declarators[0];
            var index = declarator.Symbol;
            var initial = declarator.Initializer?.Value;
            if (initial == null || ConstantValues.TryGetInt64(initial) != 0) return null;
            if (condition.OperatorKind != BinaryOperatorKind.LessThan || !IsLocal(condition.LeftOperand, index)) return null;
            var step = loop.AtLoopBottom[0] is IExpressionStatementOperation s ? s.Operation : loop.AtLoopBottom[0];
            if (!(step is IIncrementOrDecrementOperation increment) || increment.Kind != OperationKind.Increment || !IsLocal(increment.Target, index)) return null;

            IOperation body = loop.Body;
            while (body is IBlockOperation block && block.Operations.Length == 1) body = block.Operations[0];
            if (!(body is IExpressionStatementOperation statement) || !(statement.Operation is ISimpleAssignmentOperation store) || !ZeroValues.IsZero(store.Value)) return null;
            var access = store.Target;
            if (access.Kind != OperationKind.None || !(access.Syntax is ElementAccessExpressionSyntax)) return null;
            IOperation? pointer = null;
            bool indexed = false;
            foreach (var child in access.ChildOperations)
            {
                if (IsLocal(child, index)) indexed = true;
                else if (child.Type?.TypeKind == TypeKind.Pointer) pointer = child;
            }

            if (!indexed || pointer == null || !(pointer.Type is IPointerTypeSymbol pointerType)) return null;
            long? unit = TypeSizes.ElementSize(pointerType.PointedAtType);
            return unit == null ? null : new NativeClear(loop, pointer, condition.RightOperand, unit.Value, initial);
        }

        private static bool IsLocal(IOperation operation, ILocalSymbol local) =>
            operation.WithoutConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
    }
}
