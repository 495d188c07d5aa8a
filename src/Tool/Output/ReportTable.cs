using AllocAnalyzers.Tool.Reporting;
using Spectre.Console;

namespace AllocAnalyzers.Tool.Output;

/// <summary>The waste report on the console: the ranked findings and the total.</summary>
internal static class ReportTable
{
    public static void Write(IAnsiConsole console, WasteReport report, string root)
    {
        if (report.BaselinePath != null)
        {
            console.WriteLine(report.Shown.Count + " new of " + report.All.Count + " findings against " + report.BaselinePath);
        }

        if (report.Shown.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple);
            foreach (string header in ReportCells.Headers) table.AddColumn(new TableColumn(header));
            for (int i = 0; i < report.Shown.Count; i++)
            {
                table.AddRow(ReportCells.Row(i + 1, report.Shown[i], root).Select(Markup.Escape).ToArray());
            }

            console.Write(table);
        }

        console.WriteLine("Total: " + ReportCells.Total(WasteTotals.Of(report.Shown)));
    }
}
