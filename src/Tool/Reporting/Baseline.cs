namespace AllocAnalyzers.Tool.Reporting;

/// <summary>
/// Which findings are new against a baseline log. A finding is the same as a baseline one when the
/// rule, the file name and the analyzer's fingerprint (enclosing type and member plus the flagged
/// code, never the line) agree, so findings survive lines moving above them and the checkout
/// directory changing between builds. Equal keys are matched one for one: a third copy of a
/// baselined line is new.
/// </summary>
internal static class Baseline
{
    public static IReadOnlyList<Finding> NewFindings(IEnumerable<Finding> current, IEnumerable<Finding> baseline)
    {
        var remaining = baseline.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var fresh = new List<Finding>();
        foreach (var finding in current.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
        {
            var key = Key(finding);
            if (remaining.TryGetValue(key, out int count) && count > 0)
            {
                remaining[key] = count - 1;
                continue;
            }

            fresh.Add(finding);
        }

        return fresh;
    }

    private static (string Rule, string FileName, string Fingerprint) Key(Finding finding) =>
        (finding.RuleId, Path.GetFileName(finding.File.Replace('\\', '/')), finding.Fingerprint);
}
