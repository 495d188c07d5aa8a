using System.Linq;
using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// ALLOC001 fix 1: allocate once before the outermost loop and, where the allocation stood,
    /// reset what an iteration could otherwise see of an earlier one (Array.Clear, Clear(), SetLength(0)).
    /// The reset keeps behaviour exact. An array needs none when each iteration writes every element
    /// before reading it, or reads only what a stream read of the same iteration stored
    /// (<see cref="IterationReads"/>); when only a constant prefix can be read, only that prefix is cleared.
    /// </summary>
    internal sealed class HoistAllocationFix : DiagnosticFix
    {
        public const string Key = "ALLOC001.Hoist";

        /// <summary>Members whose result would show that the object was reused (grown capacity, old bytes past the length) or that end its life.</summary>
        private static readonly string[] ReuseRevealingMembers =
        {
            "Capacity", "EnsureCapacity", "TrimExcess", "GetBuffer", "TryGetBuffer", "MaxCapacity", "Dispose", "DisposeAsync", "Close",
        };

        public override string EquivalenceKey => Key;

        public override string Title => "Allocate once before the loop and reuse it";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            if (MeasuredFinding.Is(target.Diagnostic)) return null;
            var model = target.SemanticModel;
            var declaration = AllocationDeclaration.Find(target.Node, model, cancellationToken);
            if (declaration == null) return null;
            var operation = target.Operation;
            if (operation == null) return null;
            var types = target.Types;
            var allocation = BufferRecognizer.Recognize(operation, types);
            // A size proven only by a bound (Math.Max(n, 1 << 20)) may read what the loop changes: evaluated once before it, it could be too small.
            if (allocation == null || allocation.ElementCount == null) return null;

            var loop = LoopSyntax.OutermostLoop(declaration.Statement);
            if (loop == null || !StatementPlacement.CanInsertBefore(loop)) return null;
            if (HasNameConflict(declaration, loop, model, cancellationToken)) return null;

            var hoisted = HoistedDeclaration(declaration, allocation, loop, model, cancellationToken);
            if (hoisted == null) return null;

            // An array that every iteration overwrites in full before reading, or reads only where this
            // iteration wrote (n = stream.Read(buffer, 0, …) then uses within [0, n)), needs no reset at all.
            var readable = allocation.Source == BufferSource.CapacityConstructor ? ReadableRange.Unknown : IterationReads.Analyze(declaration, model, cancellationToken);
            if (allocation.Source != BufferSource.CapacityConstructor && (readable.IsNothing || OverwriteProof.EveryElementWrittenBeforeRead(operation, types)))
            {
                return new FixPlan(editor =>
                {
                    StatementPlacement.InsertBefore(editor, loop, new[] { hoisted });
                    StatementRemoval.Remove(editor, declaration.Statement);
                });
            }

            var reset = ResetStatement(allocation, declaration, readable, model, cancellationToken);
            if (reset == null) return null;
            return new FixPlan(editor =>
            {
                StatementPlacement.InsertBefore(editor, loop, new[] { hoisted });
                editor.ReplaceNode(declaration.Statement, reset.WithTriviaFrom(declaration.Statement));
            });
        }

        private static StatementSyntax? ResetStatement(BufferAllocation allocation, AllocationDeclaration declaration, ReadableRange readable, SemanticModel model, CancellationToken cancellationToken)
        {
            string name = declaration.Name;
            if (allocation.Source != BufferSource.CapacityConstructor)
            {
                // Only the prefix an iteration can read unwritten must look fresh.
                string length = readable.Length != null && readable.Length < allocation.ElementCount ? LiteralFolding.ToLiteral(readable.Length.Value) : name + ".Length";
                return GeneratedCode.Statement($"global::System.Array.Clear({name}, 0, {length});");
            }

            // A reused collection differs from a fresh one only in what these members reveal.
            foreach (var reference in declaration.References(declaration.Block, model, cancellationToken))
            {
                if (reference.Parent is MemberAccessExpressionSyntax access && access.Expression == reference &&
                    ReuseRevealingMembers.Contains(access.Name.Identifier.ValueText))
                {
                    return null;
                }

                if (reference.Parent is UsingStatementSyntax) return null;
            }

            string typeName = allocation.Type?.OriginalDefinition.ToDisplayString() ?? string.Empty;
            return typeName == "System.IO.MemoryStream"
                ? GeneratedCode.Statement($"{name}.SetLength(0);")
                : GeneratedCode.Statement($"{name}.Clear();");
        }

        /// <summary>
        /// The declaration to put before the loop. A size that names a local of the loop body
        /// (<c>const int size = ...</c> inside the loop) is restated as its proven value.
        /// </summary>
        private static StatementSyntax? HoistedDeclaration(AllocationDeclaration declaration, BufferAllocation allocation, StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
        {
            var statement = declaration.Statement;
            bool namesLoopLocal = declaration.Declarator.Initializer!.Value.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Select(n => model.GetSymbolInfo(n, cancellationToken).Symbol)
                .OfType<ILocalSymbol>()
                .Any(local => local.DeclaringSyntaxReferences.Any(r => loop.Span.Contains(r.Span)));
            if (namesLoopLocal)
            {
                if (!(allocation.CountOperation?.Syntax is ExpressionSyntax size) || allocation.ElementCount == null) return null;
                var literal = SyntaxFactory.ParseExpression(LiteralFolding.ToLiteral(allocation.ElementCount.Value)).WithTriviaFrom(size);
                statement = statement.ReplaceNode(size, literal);
            }

            return statement.WithoutTrivia()
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(LineEndings.Of(loop))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static bool HasNameConflict(AllocationDeclaration declaration, StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken) =>
            HoistedLocal.HasNameConflict(declaration.Local, declaration.Declarator, loop, model, cancellationToken);
    }
}
