using System.Collections.Immutable;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Scaling;

/// <summary>Every DiagnosticAnalyzer the package ships, found by reflection so that a new rule is measured without editing the benchmark.</summary>
internal static class PackageAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(AllocAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}
