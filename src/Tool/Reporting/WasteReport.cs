namespace AllocAnalyzers.Tool.Reporting;

/// <summary>The findings of one or more logs, ranked, and the ones to show: all, or the new ones against a baseline.</summary>
internal sealed record WasteReport(IReadOnlyList<Finding> All, IReadOnlyList<Finding> Shown, string? BaselinePath)
{
    /// <exception cref="SarifInputException">A log cannot be read or is not SARIF 2.1.</exception>
    public static WasteReport Build(IEnumerable<string> logs, IReadOnlyList<string> baselines)
    {
        var all = Read(logs);
        if (baselines.Count == 0) return new WasteReport(all, all, null);
        var fresh = Baseline.NewFindings(all, Read(baselines));
        return new WasteReport(all, WasteRanking.Rank(fresh), string.Join(", ", baselines));
    }

    private static IReadOnlyList<Finding> Read(IEnumerable<string> logs) =>
        WasteRanking.Rank(logs.SelectMany(SarifLogReader.Read).Distinct(new SameResult()));

    /// <summary>A multi-targeted project writes one log per target framework with the same results: count each once.</summary>
    private sealed class SameResult : IEqualityComparer<Finding>
    {
        public bool Equals(Finding? x, Finding? y) =>
            x != null && y != null && x.RuleId == y.RuleId && x.File == y.File && x.Line == y.Line && x.Fingerprint == y.Fingerprint;

        public int GetHashCode(Finding f) => HashCode.Combine(f.RuleId, f.File, f.Line, f.Fingerprint);
    }
}
