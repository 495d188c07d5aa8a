using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.CodeFixes.TargetFrameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation
{
    /// <summary>
    /// ALLOC004 fix: <c>new T[n]</c> → <c>GC.AllocateUninitializedArray&lt;T&gt;(n)</c>. The analyzer proved
    /// that every element is written before any is read, so no code can observe the difference.
    /// Not offered when the length is not an <c>int</c> (the API takes one) or this build's framework
    /// lacks the API; wrapped in <c>#if NET5_0_OR_GREATER</c> (the original as <c>#else</c>) when
    /// another target framework of the project lacks it.
    /// </summary>
    internal sealed class UseUninitializedArrayFix : DiagnosticFix
    {
        public const string Key = "ALLOC004.UseUninitializedArray";

        public override string EquivalenceKey => Key;

        public override string Title => "Use GC.AllocateUninitializedArray";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            if (!(target.Node is ArrayCreationExpressionSyntax creation) || creation.Initializer != null) return null;
            if (!(target.SemanticModel.GetOperation(creation, cancellationToken) is IArrayCreationOperation operation) || operation.DimensionSizes.Length != 1) return null;
            if (!(operation.Type is IArrayTypeSymbol arrayType)) return null;
            var gc = target.SemanticModel.Compilation.GetTypeByMetadataName("System.GC");
            if (gc == null || gc.GetMembers("AllocateUninitializedArray").IsEmpty) return null;
            if (!(creation.Type.RankSpecifiers[0].Sizes[0] is ExpressionSyntax size)) return null;
            if (!IsIntCompatible(target.SemanticModel.GetTypeInfo(size, cancellationToken).Type)) return null;

            string element = GeneratedCode.TypeName(arrayType.ElementType);
            var replacement = GeneratedCode.Expression($"global::System.GC.AllocateUninitializedArray<{element}>({size.WithoutTrivia().ToFullString()})")
                .WithTriviaFrom(creation);
            var guard = FrameworkGuard.For(target.Document, creation, FrameworkApi.UninitializedArray);
            if (!guard.Offered) return null;
            return GuardedRegion.Wrap(new FixPlan(editor => editor.ReplaceNode(creation, replacement)), guard, new SyntaxNode[] { creation });
        }

        private static bool IsIntCompatible(ITypeSymbol? type)
        {
            switch (type?.SpecialType)
            {
                case SpecialType.System_Int32:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Char:
                    return true;
                default:
                    return false;
            }
        }
    }
}
