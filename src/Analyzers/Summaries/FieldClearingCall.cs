using System.Collections.Immutable;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Operations.Clears;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// <c>_table = new int[n]; Reset();</c> where <c>Reset</c> clears <c>_table</c> in full before anything
    /// writes it (<see cref="HelperClear"/>): on this call the clear finds the array still zero. The
    /// array comes from an earlier statement of the same block, or — for a call in a constructor's own
    /// block — from the field's initializer; no statement in between may name the field, call a
    /// method or property of the object, or hand the object out.
    /// </summary>
    internal sealed class FieldClearingCall
    {
        private FieldClearingCall(ClearOperation clear, ImmutableArray<(IFieldSymbol Field, BufferAllocation Allocation)> fields)
        {
            Clear = clear;
            Fields = fields;
        }

        /// <summary>The call, as a clear.</summary>
        public ClearOperation Clear { get; }

        /// <summary>The fields the call clears that still hold zeroed allocations, with those allocations.</summary>
        public ImmutableArray<(IFieldSymbol Field, BufferAllocation Allocation)> Fields { get; }

        public static FieldClearingCall? Find(IOperation operation, AnalysisSession session)
        {
            if (!(operation is IInvocationOperation call) || !(call.Instance is IInstanceReferenceOperation)) return null;
            if (!(call.Parent is IExpressionStatementOperation statement) || !(statement.Parent is IBlockOperation block)) return null;
            if (call.TargetMethod.IsStatic || call.TargetMethod.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty) return null;
            var cleared = session.Summaries.HelperClearOf(call.TargetMethod, session.Types)?.Fields ?? ImmutableArray<IFieldSymbol>.Empty;
            if (cleared.IsEmpty) return null;

            var found = ImmutableArray.CreateBuilder<(IFieldSymbol, BufferAllocation)>();
            foreach (var field in cleared)
            {
                var allocation = FreshAllocation(call, block, block.Operations.IndexOf(statement), field, session);
                if (allocation != null) found.Add((field, allocation));
            }

            return found.Count == 0 ? null : new FieldClearingCall(new ClearOperation(call, call.Instance!, null, null, false, call), found.ToImmutable());
        }

        /// <summary>The zeroed allocation the field still holds untouched at the call, or null.</summary>
        private static BufferAllocation? FreshAllocation(IInvocationOperation call, IBlockOperation block, int index, IFieldSymbol field, AnalysisSession session)
        {
            for (int i = index - 1; i >= 0; i--)
            {
                var earlier = block.Operations[i];
                if (earlier is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment } &&
                    SymbolEqualityComparer.Default.Equals(target.Field, field) && target.Instance is IInstanceReferenceOperation)
                {
                    return Zeroed(assignment.Value.WithoutConversions(), session);
                }

                if (StateWrites.MayWrite(earlier, field)) return null;
            }

            return FromInitializer(call, field, session);
        }

        /// <summary>
        /// <c>private readonly byte[] _buf = new byte[8];</c> and a constructor whose own block calls
        /// <c>Reset()</c> with nothing before it touching <c>_buf</c> (checked by the caller); the constructor
        /// must not chain to another of its own (<c>: this(...)</c>), which could.
        /// </summary>
        private static BufferAllocation? FromInitializer(IInvocationOperation call, IFieldSymbol field, AnalysisSession session)
        {
            if (field.IsStatic || !(call.Syntax.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is { } constructor)) return null;
            if (constructor.Initializer?.ThisOrBaseKeyword.ValueText == "this" || call.Parent?.Syntax.Parent != constructor.Body) return null;
            if (!SymbolEqualityComparer.Default.Equals(field.ContainingType, call.TargetMethod.ContainingType) || field.DeclaringSyntaxReferences.Length != 1) return null;
            if (!(field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer })) return null;
            var value = session.Summaries.ModelFor(initializer.SyntaxTree).GetOperation(initializer.Value)?.WithoutConversions();
            return value == null ? null : Zeroed(value, session);
        }

        private static BufferAllocation? Zeroed(IOperation value, AnalysisSession session)
        {
            var allocation = session.RecognizeBuffer(value);
            return allocation?.IsZeroedMemory == true ? allocation : null;
        }
    }
}
