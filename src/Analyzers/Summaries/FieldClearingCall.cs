using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Operations.Clears;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// <c>_table = new int[n]; Reset();</c> where <c>Reset</c> clears <c>_table</c> in full before anything
    /// writes it (<see cref="HelperClear"/>): on this call the clear finds the array still zero. Proven
    /// when the assignment is an earlier statement of the same block and no statement in between
    /// names the field, calls a method of this object or hands the object out.
    /// </summary>
    internal sealed class FieldClearingCall
    {
        private FieldClearingCall(ClearOperation clear, IOperation allocation, IFieldSymbol field)
        {
            Clear = clear;
            Allocation = allocation;
            Field = field;
        }

        /// <summary>The call, as a clear of the field over its whole length.</summary>
        public ClearOperation Clear { get; }

        /// <summary>The zeroed allocation assigned to the field.</summary>
        public IOperation Allocation { get; }

        public IFieldSymbol Field { get; }

        public static FieldClearingCall? Find(IOperation operation, AnalysisSession session)
        {
            if (!(operation is IInvocationOperation call) || call.TargetMethod.IsStatic || !(call.Instance is IInstanceReferenceOperation)) return null;
            if (call.TargetMethod.Locations.Length == 0 || !call.TargetMethod.Locations[0].IsInSource) return null;
            if (!(call.Parent is IExpressionStatementOperation statement) || !(statement.Parent is IBlockOperation block)) return null;
            var field = session.Summaries.HelperClearOf(call.TargetMethod, session.Types)?.Field;
            if (field == null) return null;

            int index = block.Operations.IndexOf(statement);
            for (int i = index - 1; i >= 0; i--)
            {
                var earlier = block.Operations[i];
                if (earlier is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment } &&
                    SymbolEqualityComparer.Default.Equals(target.Field, field) && target.Instance is IInstanceReferenceOperation)
                {
                    var value = assignment.Value.WithoutConversions();
                    return session.RecognizeBuffer(value)?.IsZeroedMemory == true
                        ? new FieldClearingCall(new ClearOperation(call, target, null, null, false, call), value, field)
                        : null;
                }

                if (MayTouch(earlier, field)) return null;
            }

            return FromInitializer(call, field, session);
        }

        /// <summary>
        /// <c>private readonly byte[] _buf = new byte[8];</c> and a constructor that calls <c>Reset()</c>
        /// before anything else can touch <c>_buf</c>: the body's statements up to the call were checked by
        /// the caller; the constructor must not chain to another of its own (<c>: this(...)</c>), which could.
        /// </summary>
        private static FieldClearingCall? FromInitializer(IInvocationOperation call, IFieldSymbol field, AnalysisSession session)
        {
            if (!(call.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax>() is { } constructor)) return null;
            if (constructor.Initializer?.ThisOrBaseKeyword.ValueText == "this" || field.IsStatic) return null;
            if (!SymbolEqualityComparer.Default.Equals(field.ContainingType, call.TargetMethod.ContainingType) || !IsBodyStatementOf(call, constructor)) return null;
            if (field.DeclaringSyntaxReferences.Length != 1) return null;
            if (!(field.DeclaringSyntaxReferences[0].GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer })) return null;
            var model = session.Summaries.ModelFor(initializer.SyntaxTree);
            var value = model.GetOperation(initializer.Value)?.WithoutConversions();
            if (value == null || session.RecognizeBuffer(value)?.IsZeroedMemory != true) return null;
            var target = call.Instance!;
            return new FieldClearingCall(new ClearOperation(call, target, null, null, false, call), value, field);
        }

        /// <summary>The call is a statement of the constructor's own block (not nested in a branch or a lambda).</summary>
        private static bool IsBodyStatementOf(IInvocationOperation call, Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax constructor) =>
            call.Parent is IExpressionStatementOperation statement && statement.Syntax.Parent == constructor.Body;

        /// <summary>A statement that may write the field: it names it, calls this object's methods or property accessors, or passes the object on.</summary>
        private static bool MayTouch(IOperation statement, IFieldSymbol field)
        {
            foreach (var operation in statement.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IFieldReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Field, field):
                    case IInvocationOperation invocation when invocation.Instance is IInstanceReferenceOperation:
                    case IInstanceReferenceOperation instance when !(instance.Parent is IFieldReferenceOperation) && !(instance.Parent is IInvocationOperation):
                    case IAnonymousFunctionOperation _:
                        return true;
                }
            }

            return false;
        }
    }
}
