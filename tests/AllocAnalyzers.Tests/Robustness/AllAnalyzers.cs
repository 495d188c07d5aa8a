using System.Collections.Immutable;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Robustness;

/// <summary>Every analyzer the package ships, found by reflection so that a new rule is covered without a test edit.</summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
        typeof(AllocAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
