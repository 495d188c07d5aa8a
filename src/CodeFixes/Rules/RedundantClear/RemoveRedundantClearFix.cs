using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;

namespace AllocAnalyzers.CodeFixes.Rules.RedundantClear
{
    /// <summary>
    /// ALLOC002 fix: delete the clear (the whole loop, for a zeroing loop). The analyzer proved that
    /// the memory is still zero and that the range lies inside the buffer, so the clear neither
    /// changes memory nor throws; only a clear that is a statement of its own is reported.
    /// </summary>
    internal sealed class RemoveRedundantClearFix : DiagnosticFix
    {
        public const string Key = "ALLOC002.Remove";

        public override string EquivalenceKey => Key;

        public override string Title => "Remove the redundant clear";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            // A call that does more than clear (a Reset method, a helper) is reported but never removed.
            if (target.ClearMustStay) return null;
            var statement = StatementRemoval.StatementOf(target.Node);
            var removable = statement == null ? null : StatementRemoval.Removable(statement);
            if (removable == null) return null;
            return new FixPlan(editor => StatementRemoval.Remove(editor, removable));
        }
    }
}
