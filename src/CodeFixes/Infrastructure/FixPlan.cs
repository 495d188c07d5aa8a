using Microsoft.CodeAnalysis.Editing;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// One prepared fix for one diagnostic: everything was checked against the original document,
    /// and <see cref="Apply"/> only records edits, so that Fix All can apply many plans to one editor.
    /// </summary>
    internal sealed class FixPlan
    {
        private readonly System.Action<SyntaxEditor> _apply;

        public FixPlan(System.Action<SyntaxEditor> apply) => _apply = apply;

        public void Apply(SyntaxEditor editor) => _apply(editor);
    }
}
