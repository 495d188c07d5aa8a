using AllocAnalyzers.Runtime.Formatting;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// An ALLOC001 found from a profile's measured evidence rather than proven. Neither fix is offered
    /// for it: hoisting or renting once before a loop is only the same program when the size is the
    /// same on every iteration, which the analyzer proved for the other findings and did not for these
    /// (and where the repetition is the callers', there is no loop in the method to move it out of).
    /// </summary>
    internal static class MeasuredFinding
    {
        public static bool Is(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(DiagnosticProperties.Repetition, out var repetition)
            && repetition == RepetitionValues.MeasuredAllocation;
    }
}
