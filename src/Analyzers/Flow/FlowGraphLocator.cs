using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Finds an operation of the original tree in a control-flow graph. Graphs hold lowered copies,
    /// so the match is by syntax node and operation kind; lambdas and local functions have graphs of
    /// their own, searched when the target lies inside them.
    /// </summary>
    internal static class FlowGraphLocator
    {
        public static FlowLocation? Locate(ControlFlowGraph graph, IOperation target)
        {
            SyntaxNode syntax = target.Syntax;
            foreach (var localFunction in graph.LocalFunctions)
            {
                if (localFunction.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == syntax.SyntaxTree && r.Span.Contains(syntax.Span)))
                {
                    return Locate(graph.GetLocalFunctionControlFlowGraph(localFunction), target);
                }
            }

            foreach (var block in graph.Blocks)
            {
                foreach (var root in BlockOperations(block))
                {
                    if (!root.Syntax.Span.Contains(syntax.Span) || root.Syntax.SyntaxTree != syntax.SyntaxTree) continue;
                    foreach (var node in root.DescendantsAndSelf())
                    {
                        if (node is IFlowAnonymousFunctionOperation lambda && lambda.Syntax.Span.Contains(syntax.Span) && lambda.Syntax != syntax)
                        {
                            return Locate(graph.GetAnonymousFunctionControlFlowGraph(lambda), target);
                        }

                        if (node.Syntax == syntax && node.Kind == target.Kind)
                        {
                            return new FlowLocation(graph, block, node);
                        }
                    }
                }
            }

            return null;
        }

        private static System.Collections.Generic.IEnumerable<IOperation> BlockOperations(BasicBlock block)
        {
            foreach (var operation in block.Operations) yield return operation;
            if (block.BranchValue != null) yield return block.BranchValue;
        }
    }
}
