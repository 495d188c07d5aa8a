using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Builds the control-flow graph of an operation tree's root where no analysis context supplies one
    /// (code fixes). Operation actions use <c>OperationAnalysisContext.GetControlFlowGraph()</c>, which caches.
    /// </summary>
    internal static class FlowGraphs
    {
        // Syntax-node actions (stackalloc has no operation kind of its own) have no graph from their
        // context: build one per tree root and keep it as long as the tree lives.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, ControlFlowGraph?[]> Cache =
            new System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, ControlFlowGraph?[]>();

        /// <summary>The graph of <paramref name="root"/>, built once.</summary>
        public static ControlFlowGraph? For(IOperation root) => Cache.GetValue(root, r => new[] { Create(r) })[0];

        /// <summary>Operation blocks that have a control-flow graph of their own (attribute arguments and the like do not).</summary>
        public static bool HasGraph(IOperation block) =>
            block is IMethodBodyOperation || block is IConstructorBodyOperation || (block is IBlockOperation && block.Parent == null)
            || block is IFieldInitializerOperation || block is IPropertyInitializerOperation || block is IParameterInitializerOperation;

        public static ControlFlowGraph? Create(IOperation root)
        {
            switch (root)
            {
                case IMethodBodyOperation body: return ControlFlowGraph.Create(body);
                case IConstructorBodyOperation constructor: return ControlFlowGraph.Create(constructor);
                case IBlockOperation block when block.Parent == null: return ControlFlowGraph.Create(block);
                case IFieldInitializerOperation field: return ControlFlowGraph.Create(field);
                case IPropertyInitializerOperation property: return ControlFlowGraph.Create(property);
                default: return null;
            }
        }
    }
}
