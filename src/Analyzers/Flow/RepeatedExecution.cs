using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// "Does this operation run more than once per call?" — true when its block lies on a cycle of
    /// the control-flow graph. A loop that always returns or breaks in its first iteration does not
    /// count. The cycles are found once per graph (<see cref="FlowGraphIndex"/>).
    /// </summary>
    internal static class RepeatedExecution
    {
        public static bool RunsRepeatedly(ControlFlowGraph graph, IOperation operation, CancellationToken cancellationToken)
        {
            var location = FlowGraphIndex.For(graph, cancellationToken).Locate(operation, cancellationToken);
            return location != null && location.Index.IsOnCycle(location.Block.Ordinal);
        }
    }
}
