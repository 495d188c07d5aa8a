using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// Which elements of a buffer, declared afresh in each pass through its block, can be read before
    /// that pass writes them. A reused (hoisted or pooled) buffer then needs a reset of only that range.
    /// <list type="bullet">
    /// <item>Element writes (<c>buffer[i] = v</c>) and <c>buffer.Length</c> read nothing.</item>
    /// <item>After <c>n = stream.Read(buffer, 0, …)</c> (<see cref="StreamReadCall"/>), a use bounded by
    /// <c>n</c> — <c>Write(buffer, 0, n)</c>, <c>buffer.AsSpan(0, n)</c>, <c>new Span&lt;T&gt;(buffer, 0, n)</c>,
    /// <c>buffer[..n]</c>, <c>buffer[i]</c> in <c>for (int i = 0; i &lt; n; i++)</c> — reads only what
    /// the call stored in this pass. The call must be a statement of the block, every such use come
    /// after it in the block, and <c>n</c> be written nowhere else.</item>
    /// <item>A use with a constant bound (<c>buffer[3]</c>, <c>Write(buffer, 0, 512)</c>) can read that prefix.</item>
    /// <item>Anything else (the buffer passed on, stored, captured, a goto in the block): unknown.</item>
    /// </list>
    /// Syntax-level and deliberately narrow: a shape it does not know is unknown, never "nothing".
    /// </summary>
    internal static class IterationReads
    {
        private static readonly string[] RangeViews = { "AsSpan", "AsMemory" };
        private static readonly string[] RangeTypes = { "Span", "ReadOnlySpan", "Memory", "ReadOnlyMemory", "ArraySegment" };
        private static readonly string[] OffsetNames = { "offset", "index", "start", "startIndex" };
        private static readonly string[] CountNames = { "count", "length" };

        /// <summary>The readable range of <paramref name="declaration"/>'s buffer, and per reference whether a pooled (longer) array would behave the same.</summary>
        public static ReadableRange Analyze(AllocationDeclaration declaration, SemanticModel model, CancellationToken cancellationToken) =>
            Analyze(declaration, model, cancellationToken, out _);

        /// <param name="rangeLimited">References whose use names its range explicitly (a longer array behaves the same); empty when the range is unknown.</param>
        public static ReadableRange Analyze(AllocationDeclaration declaration, SemanticModel model, CancellationToken cancellationToken, out HashSet<IdentifierNameSyntax> rangeLimited)
        {
            rangeLimited = new HashSet<IdentifierNameSyntax>();
            var block = declaration.Block;
            if (block.DescendantNodes().Any(n => n is GotoStatementSyntax || n is LabeledStatementSyntax)) return ReadableRange.Unknown;

            var references = declaration.References(block, model, cancellationToken);
            if (references.Any(r => r.Ancestors().TakeWhile(a => a != block).Any(IsFunction))) return ReadableRange.Unknown;

            int declared = block.Statements.IndexOf(declaration.Statement);
            StreamReadCall? read = null;
            var range = ReadableRange.Nothing;
            foreach (var statement in block.Statements.Skip(declared + 1))
            {
                var found = read == null ? StreamReadCall.Find(statement, declaration.Local, model, cancellationToken) : null;
                if (found != null && IsWrittenElsewhere(found, block, model, cancellationToken)) found = null;
                foreach (var reference in references.Where(r => statement.Span.Contains(r.Span)))
                {
                    if (found != null && found.BufferArgument.Span.Contains(reference.Span))
                    {
                        if (!found.WholeArray) rangeLimited.Add(reference);
                        continue;
                    }

                    // Uses in the read call's own statement run before it stores anything: judged without it.
                    var use = Classify(reference, read, model, cancellationToken);
                    if (use == null) return Fail(rangeLimited);
                    range = range.Union(use);
                    if (!IsLengthRead(reference)) rangeLimited.Add(reference);
                }

                read = read ?? found;
            }

            if (range.Length == null) return Fail(rangeLimited);
            return range;
        }

        private static ReadableRange Fail(HashSet<IdentifierNameSyntax> rangeLimited)
        {
            rangeLimited.Clear();
            return ReadableRange.Unknown;
        }

        private static bool IsFunction(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax;

        private static bool IsLengthRead(IdentifierNameSyntax reference) =>
            reference.Parent is MemberAccessExpressionSyntax access && access.Expression == reference &&
            (access.Name.Identifier.ValueText == "Length" || access.Name.Identifier.ValueText == "LongLength");

        /// <summary>The range one reference can read unwritten, or null when it is not provable.</summary>
        private static ReadableRange? Classify(IdentifierNameSyntax reference, StreamReadCall? read, SemanticModel model, CancellationToken cancellationToken)
        {
            if (IsLengthRead(reference))
            {
                return reference.Parent!.Parent is AssignmentExpressionSyntax assignment && assignment.Left == reference.Parent ? null : ReadableRange.Nothing;
            }

            if (reference.Parent is ElementAccessExpressionSyntax element && element.Expression == reference && element.ArgumentList.Arguments.Count == 1)
            {
                var index = element.ArgumentList.Arguments[0].Expression;
                if (element.Parent is AssignmentExpressionSyntax store && store.IsKind(SyntaxKind.SimpleAssignmentExpression) && store.Left == element && !(index is RangeExpressionSyntax))
                {
                    return ReadableRange.Nothing;
                }

                if (index is RangeExpressionSyntax slice)
                {
                    if (slice.LeftOperand != null && !StreamReadCall.IsZero(slice.LeftOperand, model, cancellationToken)) return null;
                    return slice.RightOperand == null ? null : Bound(slice.RightOperand, read, model, cancellationToken);
                }

                long? constant = Constant(index, model, cancellationToken);
                if (constant != null) return constant >= 0 ? ReadableRange.Prefix(constant.Value + 1) : null;
                return read != null && IsLoopIndexBelow(index, element, read.Count, model, cancellationToken) ? ReadableRange.Nothing : null;
            }

            // buffer.AsSpan(0, n), buffer.AsMemory(0, n)
            if (reference.Parent is MemberAccessExpressionSyntax view && view.Expression == reference && RangeViews.Contains(view.Name.Identifier.ValueText) &&
                view.Parent is InvocationExpressionSyntax viewCall && viewCall.ArgumentList.Arguments.Count == 2 &&
                StreamReadCall.IsZero(viewCall.ArgumentList.Arguments[0].Expression, model, cancellationToken))
            {
                return Bound(viewCall.ArgumentList.Arguments[1].Expression, read, model, cancellationToken);
            }

            // Write(buffer, 0, n) on a framework method; new Span<T>(buffer, 0, n)
            if (reference.Parent is ArgumentSyntax argument && argument.RefKindKeyword.IsKind(SyntaxKind.None) && argument.NameColon == null &&
                argument.Parent is BaseArgumentListSyntax list && list.Arguments.All(a => a.NameColon == null))
            {
                int position = list.Arguments.IndexOf(argument);
                if (position + 2 >= list.Arguments.Count || !TakesRangeAt(list.Parent, position, model, cancellationToken)) return null;
                if (!StreamReadCall.IsZero(list.Arguments[position + 1].Expression, model, cancellationToken)) return null;
                return Bound(list.Arguments[position + 2].Expression, read, model, cancellationToken);
            }

            return null;
        }

        /// <summary>
        /// A framework method or a span/segment constructor whose parameters after the array at
        /// <paramref name="position"/> are its offset and count: given (array, 0, n) it touches [0, n).
        /// </summary>
        private static bool TakesRangeAt(SyntaxNode? call, int position, SemanticModel model, CancellationToken cancellationToken)
        {
            if (call == null || !(model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method)) return false;
            string? ns = method.ContainingNamespace?.ToDisplayString();
            if (ns == null || !(ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal))) return false;
            if (method.MethodKind == MethodKind.Constructor && !RangeTypes.Contains(method.ContainingType.Name)) return false;
            if (position + 2 >= method.Parameters.Length || method.Parameters[position].Type.TypeKind != TypeKind.Array) return false;
            return OffsetNames.Contains(method.Parameters[position + 1].Name) && CountNames.Contains(method.Parameters[position + 2].Name);
        }

        /// <summary>A bound that is the read call's count (nothing unwritten) or a constant (that prefix).</summary>
        private static ReadableRange? Bound(ExpressionSyntax bound, StreamReadCall? read, SemanticModel model, CancellationToken cancellationToken)
        {
            if (read != null && StreamReadCall.IsLocal(bound, read.Count, model, cancellationToken)) return ReadableRange.Nothing;
            long? constant = Constant(bound, model, cancellationToken);
            return constant != null && constant >= 0 ? ReadableRange.Prefix(constant.Value) : null;
        }

        private static long? Constant(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            var value = model.GetConstantValue(expression, cancellationToken);
            if (!value.HasValue) return null;
            switch (value.Value)
            {
                case int i: return i;
                case long l: return l;
                default: return null;
            }
        }

        /// <summary><c>index</c> is <c>i</c> of an enclosing <c>for (int i = 0; i &lt; n; i++)</c> whose body does not write <c>i</c>.</summary>
        private static bool IsLoopIndexBelow(ExpressionSyntax index, SyntaxNode use, ILocalSymbol count, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(model.GetSymbolInfo(index, cancellationToken).Symbol is ILocalSymbol variable)) return false;
            var loop = use.Ancestors().OfType<ForStatementSyntax>().FirstOrDefault(f =>
                f.Declaration?.Variables.Count == 1 && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(f.Declaration.Variables[0], cancellationToken), variable));
            if (loop == null || !loop.Statement.Span.Contains(use.Span)) return false;
            var initializer = loop.Declaration!.Variables[0].Initializer;
            if (initializer == null || !StreamReadCall.IsZero(initializer.Value, model, cancellationToken)) return false;
            if (!(loop.Condition is BinaryExpressionSyntax condition) || !condition.IsKind(SyntaxKind.LessThanExpression)) return false;
            if (!StreamReadCall.IsLocal(condition.Left, variable, model, cancellationToken) || !StreamReadCall.IsLocal(condition.Right, count, model, cancellationToken)) return false;
            if (loop.Incrementors.Count != 1 || !IsIncrement(loop.Incrementors[0], variable, model, cancellationToken)) return false;
            return !Writes(loop.Statement, variable, model, cancellationToken) && !Writes(loop.Statement, count, model, cancellationToken);
        }

        private static bool IsIncrement(ExpressionSyntax expression, ILocalSymbol variable, SemanticModel model, CancellationToken cancellationToken) =>
            (expression is PostfixUnaryExpressionSyntax post && post.IsKind(SyntaxKind.PostIncrementExpression) && StreamReadCall.IsLocal(post.Operand, variable, model, cancellationToken)) ||
            (expression is PrefixUnaryExpressionSyntax pre && pre.IsKind(SyntaxKind.PreIncrementExpression) && StreamReadCall.IsLocal(pre.Operand, variable, model, cancellationToken));

        /// <summary>The read call's count is written only by the read call's statement (anywhere in the block, or captured by a lambda).</summary>
        private static bool IsWrittenElsewhere(StreamReadCall read, BlockSyntax block, SemanticModel model, CancellationToken cancellationToken)
        {
            var scope = block.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is AccessorDeclarationSyntax || IsFunction(a)) ?? block;
            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != read.Count.Name || read.Statement.Span.Contains(name.Span)) continue;
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, read.Count)) continue;
                if (name.Ancestors().TakeWhile(a => a != scope).Any(IsFunction)) return true;
                if (block.Span.Contains(name.Span) && IsWrite(name)) return true;
            }

            return false;
        }

        private static bool Writes(SyntaxNode scope, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken) =>
            scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n =>
                n.Identifier.ValueText == local.Name && IsWrite(n) &&
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, local));

        private static bool IsWrite(IdentifierNameSyntax name)
        {
            SyntaxNode node = name;
            while (node.Parent is ParenthesizedExpressionSyntax) node = node.Parent;
            switch (node.Parent)
            {
                case AssignmentExpressionSyntax assignment: return assignment.Left == node;
                case PrefixUnaryExpressionSyntax prefix: return prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression);
                case PostfixUnaryExpressionSyntax postfix: return postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression);
                case ArgumentSyntax argument: return !argument.RefKindKeyword.IsKind(SyntaxKind.None);
                default: return node.Parent is TupleExpressionSyntax || node.Parent is DeclarationExpressionSyntax;
            }
        }
    }
}
