using System.Text;

namespace AllocAnalyzers.Tool.Reporting;

/// <summary>The report as GitHub-flavoured Markdown, for a CI job summary ($GITHUB_STEP_SUMMARY) or a PR comment.</summary>
internal static class MarkdownReport
{
    public static string Render(WasteReport report, string root)
    {
        var text = new StringBuilder();
        text.Append("## AllocAnalyzers: memory zeroed for nothing\n\n");
        if (report.BaselinePath != null)
        {
            text.Append(report.Shown.Count == 0 ? "No new findings" : CountOf(report.Shown.Count, "new finding"))
                .Append(" against the baseline (").Append(report.All.Count).Append(" in all).\n\n");
        }

        if (report.Shown.Count > 0)
        {
            text.Append("| ").Append(string.Join(" | ", ReportCells.Headers)).Append(" |\n");
            text.Append('|').Append(string.Concat(ReportCells.Headers.Select(h => h == "#" ? "---:|" : "---|"))).Append('\n');
            for (int i = 0; i < report.Shown.Count; i++)
            {
                text.Append("| ").Append(string.Join(" | ", ReportCells.Row(i + 1, report.Shown[i], root).Select(Escape))).Append(" |\n");
            }

            text.Append('\n');
        }

        text.Append("**Total:** ").Append(Escape(ReportCells.Total(WasteTotals.Of(report.Shown)))).Append('\n');
        return text.ToString();
    }

    private static string CountOf(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");
}
