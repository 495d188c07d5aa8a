using System.Threading;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// A behaviour-preserving rewrite for a rule. <see cref="Prepare"/> returns null whenever it
    /// cannot prove that the rewrite keeps what the program computes: then no fix is offered.
    /// </summary>
    internal abstract class DiagnosticFix
    {
        /// <summary>Distinct per fix, so that Fix All applies only this kind of rewrite.</summary>
        public abstract string EquivalenceKey { get; }

        public abstract string Title { get; }

        public abstract FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken);
    }
}
