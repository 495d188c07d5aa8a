namespace AllocAnalyzers.Tool.Reporting;

/// <summary>
/// Orders findings by what they waste: those a profile measured first, by the time over the
/// profiled run; then the rest by the model's time per occurrence; bytes zeroed break ties.
/// </summary>
internal static class WasteRanking
{
    public static IReadOnlyList<Finding> Rank(IEnumerable<Finding> findings) =>
        findings
            .OrderByDescending(f => f.MeasuredSeconds.HasValue)
            .ThenByDescending(f => f.MeasuredSeconds ?? 0)
            .ThenByDescending(f => f.EstimatedSeconds ?? 0)
            .ThenByDescending(f => f.BytesZeroed ?? 0)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ToList();
}
