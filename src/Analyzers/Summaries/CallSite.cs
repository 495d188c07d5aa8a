using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Summaries
{
    /// <summary>A place in source that calls a method: an invocation, or a method group handed to a call.</summary>
    internal sealed class CallSite
    {
        public CallSite(SyntaxNode node, SemanticModel model, bool isMethodGroup)
        {
            Node = node;
            Model = model;
            IsMethodGroup = isMethodGroup;
        }

        /// <summary>The invocation expression, or the method-group expression.</summary>
        public SyntaxNode Node { get; }

        public SemanticModel Model { get; }

        public bool IsMethodGroup { get; }
    }
}
