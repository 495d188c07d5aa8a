namespace AllocAnalyzers.Tool.Reporting;

/// <summary>The sums a report ends with: per occurrence of every finding once, and over the profiled runs where measured.</summary>
internal sealed record WasteTotals(int Findings, long BytesZeroed, double SecondsPerOccurrence, int Measured, double MeasuredSeconds)
{
    public static WasteTotals Of(IReadOnlyCollection<Finding> findings) => new(
        findings.Count,
        findings.Sum(f => f.BytesZeroed ?? 0),
        findings.Sum(f => f.EstimatedSeconds ?? 0),
        findings.Count(f => f.MeasuredSeconds.HasValue),
        findings.Sum(f => f.MeasuredSeconds ?? 0));
}
