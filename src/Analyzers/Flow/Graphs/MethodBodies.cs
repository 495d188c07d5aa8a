using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>Operation blocks that have a control-flow graph of their own (attribute arguments and the like do not).</summary>
    internal static class MethodBodies
    {
        public static bool HasFlowGraph(IOperation block) =>
            block is IMethodBodyOperation || block is IConstructorBodyOperation || (block is IBlockOperation && block.Parent == null)
            || block is IFieldInitializerOperation || block is IPropertyInitializerOperation || block is IParameterInitializerOperation;
    }
}
