using AllocAnalyzers.Runtime.Formatting;

namespace AllocAnalyzers.Tool.Reporting;

/// <summary>The text of a report's columns for one finding, shared by the console table and the Markdown.</summary>
internal static class ReportCells
{
    public static readonly string[] Headers = { "#", "Rule", "Location", "Bytes zeroed", "Estimated time", "Evidence" };

    public static string[] Row(int rank, Finding finding, string root) => new[]
    {
        rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
        finding.RuleId,
        Location(finding, root),
        Bytes(finding),
        Time(finding),
        Evidence(finding),
    };

    /// <summary>The file relative to <paramref name="root"/> when it lies below it, and the line.</summary>
    public static string Location(Finding finding, string root)
    {
        string relative = Path.GetRelativePath(root, finding.File);
        string shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? finding.File : relative;
        return shown.Replace('\\', '/') + ":" + finding.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Bytes(Finding finding) =>
        finding.BytesZeroed is { } zeroed ? CostFormat.Bytes(zeroed) : finding.Bytes is { } bytes ? CostFormat.Bytes(bytes) + " (size)" : "unknown size";

    public static string Time(Finding finding)
    {
        if (finding.EstimatedSeconds is not { } seconds) return "not estimated";
        string each = CostFormat.Duration(seconds) + " / " + Occurrence(finding.Repetition);
        return finding.MeasuredSeconds is { } measured ? CostFormat.Duration(measured) + " over the profiled run (" + each + ")" : each;
    }

    public static string Evidence(Finding finding)
    {
        if (finding.IsMeasured)
        {
            return "measured: " + CostFormat.Bytes(finding.MeasuredBytes!.Value) + " allocated here"
                + (finding.MeasuredSamples is { } samples ? ", " + CostFormat.Count(samples) + " samples" : string.Empty)
                + (finding.MeasuredSummary is { } summary ? " (" + summary + ")" : string.Empty);
        }

        return "model, " + Platform(finding.Platform);
    }

    public static string Total(WasteTotals totals)
    {
        string text = CostFormat.Count(totals.Findings) + (totals.Findings == 1 ? " finding" : " findings")
            + ": " + CostFormat.Bytes(totals.BytesZeroed) + " zeroed and about " + CostFormat.Duration(totals.SecondsPerOccurrence)
            + " if each runs once";
        if (totals.Measured > 0)
        {
            text += "; " + CostFormat.Count(totals.Measured) + " measured, about " + CostFormat.Duration(totals.MeasuredSeconds) + " over the profiled runs";
        }

        return text;
    }

    private static string Occurrence(string? repetition) => repetition switch
    {
        RepetitionValues.LoopIteration => "iteration",
        RepetitionValues.Call => "call",
        RepetitionValues.MeasuredAllocation => "allocation",
        _ => "execution",
    };

    private static string Platform(string? id) => id switch
    {
        PlatformValues.Linux => "Linux x64",
        PlatformValues.MacOS => "macOS",
        PlatformValues.Windows => "Windows x64",
        PlatformValues.Calibrated => "calibrated profile",
        _ => "no estimate",
    };
}
