using System.Runtime.CompilerServices;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>What a fix looks at: the diagnostic, the node it points to, and the document's semantic model.</summary>
    internal sealed class FixTarget
    {
        public FixTarget(Document document, SemanticModel semanticModel, SyntaxNode root, Diagnostic diagnostic, SyntaxNode node)
        {
            Document = document;
            SemanticModel = semanticModel;
            Root = root;
            Diagnostic = diagnostic;
            Node = node;
        }

        public Document Document { get; }
        public SemanticModel SemanticModel { get; }
        public SyntaxNode Root { get; }
        public Diagnostic Diagnostic { get; }

        /// <summary>The node whose span is exactly the diagnostic's span.</summary>
        public SyntaxNode Node { get; }

        /// <summary>
        /// True when the analyzer marked the flagged clear as a call that does more than clear
        /// (<see cref="DiagnosticProperties.ClearRemovable"/> = false): no fix may remove it.
        /// </summary>
        public bool ClearMustStay => Diagnostic.Properties.TryGetValue(DiagnosticProperties.ClearRemovable, out var removable) && removable == "false";

        /// <summary>The node's operation, or null where it has none (broken code).</summary>
        public IOperation? Operation => SemanticModel.GetOperation(Node);

        /// <summary>The framework types the rules recognize, resolved once per compilation (Fix All prepares many targets).</summary>
        public WellKnownTypes Types => TypesByCompilation.GetValue(SemanticModel.Compilation, compilation => new WellKnownTypes(compilation));

        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> TypesByCompilation = new ConditionalWeakTable<Compilation, WellKnownTypes>();
    }
}
