using System.Linq;
using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.CodeFixes.TargetFrameworks;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Formatting;

namespace AllocAnalyzers.CodeFixes.Rules.LargeZeroedStackalloc
{
    /// <summary>
    /// ALLOC005 fix: put <c>[SkipLocalsInit]</c> on the method (or local function) holding the
    /// <c>stackalloc</c>. The attribute covers every stackalloc in that function and in the lambdas and
    /// local functions inside it, so the fix is offered only when each of them is proven to be
    /// overwritten completely before any read (<see cref="OverwriteBeforeRead"/>), none uses
    /// <c>Unsafe.SkipInit</c>, the project allows unsafe code (the compiler requires it for the
    /// attribute) and the attribute type exists; under <c>#if NET5_0_OR_GREATER</c> when another target
    /// framework of the project lacks the attribute and the project declares no polyfill. Ordinary locals are unaffected: C# definite
    /// assignment already forbids reading them before a write.
    /// </summary>
    internal sealed class AddSkipLocalsInitFix : DiagnosticFix
    {
        public const string Key = "ALLOC005.AddSkipLocalsInit";

        public override string EquivalenceKey => Key;

        public override string Title => "Add [SkipLocalsInit] to the method";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            var model = target.SemanticModel;
            var compilation = model.Compilation;
            if (!(compilation.Options is CSharpCompilationOptions options) || !options.AllowUnsafe) return null;
            var attribute = compilation.GetTypeByMetadataName(SkipLocalsInitScope.AttributeName);
            if (attribute == null) return null;

            var function = target.Node.Ancestors().FirstOrDefault(IsAttributableFunction);
            var member = target.Node.Ancestors().LastOrDefault(n => n is BaseMethodDeclarationSyntax || n is AccessorDeclarationSyntax);
            if (function == null || member == null) return null;
            var graph = ControlFlowGraph.Create(member, model, cancellationToken);
            if (graph == null) return null;

            var types = target.Types;
            foreach (var node in function.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == "SkipInit") return null;
                if (node is StackAllocArrayCreationExpressionSyntax allocation && !IsWrittenBeforeRead(allocation, graph, model, types, cancellationToken)) return null;
            }

            // A polyfill declared in the project exists in every target framework's build; the framework's own only from .NET 5.
            var guard = attribute.Locations.Any(l => l.IsInSource) ? FrameworkGuard.None : FrameworkGuard.For(target.Document, function, FrameworkApi.SkipLocalsInit);
            if (!guard.Offered || (guard.Condition != null && HasGuardedAttribute(function))) return null;
            return new FixPlan(editor => editor.ReplaceNode(function, (current, _) => WithSkipLocalsInit(current, guard.Condition)));
        }

        private static bool IsAttributableFunction(SyntaxNode node) =>
            node is LocalFunctionStatementSyntax || node is BaseMethodDeclarationSyntax || node is AccessorDeclarationSyntax;

        private static bool IsWrittenBeforeRead(StackAllocArrayCreationExpressionSyntax allocation, ControlFlowGraph graph, SemanticModel model, WellKnownTypes types, CancellationToken cancellationToken)
        {
            if (allocation.Initializer != null) return true; // every element is written by the initializer
            var operation = model.GetOperation(allocation, cancellationToken);
            if (operation == null) return false;
            if (SkipLocalsInitScope.AppliesAt(operation)) return true; // already uninitialized
            var memory = BufferRecognizer.Recognize(operation, types);
            if (memory == null || !memory.IsZeroedMemory) return false;
            var view = BufferFlowView.Create(graph, operation, types);
            return OverwriteBeforeRead.Find(operation, memory, view, types) != null;
        }

        /// <summary>Adds the attribute in front of the function's modifiers, once (Fix All may ask twice for one method).</summary>
        /// <summary>An earlier guarded fix left <c>[SkipLocalsInit]</c> in an inactive <c>#if</c> before the function: nothing more to add.</summary>
        private static bool HasGuardedAttribute(SyntaxNode function) =>
            function.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.DisabledTextTrivia) && t.ToString().Contains("SkipLocalsInit"));

        private static SyntaxNode WithSkipLocalsInit(SyntaxNode function, string? condition)
        {
            var lists = AttributeLists(function);
            if (lists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().EndsWith("SkipLocalsInit") || a.Name.ToString().EndsWith("SkipLocalsInitAttribute"))) return function;

            var leading = function.GetLeadingTrivia();
            var list = GeneratedCode.Annotate(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::System.Runtime.CompilerServices.SkipLocalsInit")))))
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(LineEndings.Of(function));
            if (condition != null) list = GuardedRegion.MarkAdded(list, condition);
            var updated = lists.Insert(0, list);
            var stripped = function.WithoutLeadingTrivia();
            SyntaxNode result;
            switch (stripped)
            {
                case BaseMethodDeclarationSyntax method:
                    result = method.WithAttributeLists(updated);
                    break;
                case LocalFunctionStatementSyntax local:
                    result = local.WithAttributeLists(updated);
                    break;
                case AccessorDeclarationSyntax accessor:
                    result = accessor.WithAttributeLists(updated);
                    break;
                default:
                    return function;
            }

            return result.WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static SyntaxList<AttributeListSyntax> AttributeLists(SyntaxNode function)
        {
            switch (function)
            {
                case BaseMethodDeclarationSyntax method: return method.AttributeLists;
                case LocalFunctionStatementSyntax local: return local.AttributeLists;
                case AccessorDeclarationSyntax accessor: return accessor.AttributeLists;
                default: return default;
            }
        }
    }
}
