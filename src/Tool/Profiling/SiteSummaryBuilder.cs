using AllocAnalyzers.Runtime.Profiling.Summary;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Folds stacks into sites (allocating method, type, large-object flag) for the summary file. A
/// site's line is the allocating line of its largest stack (the method's first line when the
/// allocating line is unknown).
/// </summary>
internal static class SiteSummaryBuilder
{
    public static IReadOnlyList<SiteSummaryRow> Rows(IEnumerable<AllocationSample> samples) =>
        samples
            .GroupBy(s => (s.Site.Method, s.TypeName, s.IsLarge))
            .Select(g => new SiteSummaryRow(
                g.Key.Method, g.Key.TypeName,
                g.Sum(s => s.Events),
                (long)Math.Round(g.Sum(s => s.EstimatedCount)),
                (long)Math.Round(g.Sum(s => s.EstimatedBytes)),
                g.Key.IsLarge,
                g.First().Site.File,
                g.First().Site.Line > 0 ? g.First().Site.Line : g.First().Site.StartLine))
            .OrderByDescending(r => r.EstimatedBytes)
            .ToList();
}
