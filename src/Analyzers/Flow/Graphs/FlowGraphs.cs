using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Builds the control-flow graph of an operation tree's root where no analysis context supplies one
    /// (code fixes). Analyzers use <c>OperationAnalysisContext.GetControlFlowGraph()</c>, which caches.
    /// </summary>
    internal static class FlowGraphs
    {
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
