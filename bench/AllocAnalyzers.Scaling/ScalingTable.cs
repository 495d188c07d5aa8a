using System.Globalization;

namespace AllocAnalyzers.Scaling;

/// <summary>Prints a shape's rows as a Markdown table, ready to paste into docs/design/analysis-cost.md.</summary>
internal static class ScalingTable
{
    public static void WriteHeader(TextWriter output, bool hasBaseline)
    {
        output.WriteLine("| N | lines | bind ms | analyzers ms | wall ms | analyzers/bind | µs/unit | ×prev | exponent |"
            + (hasBaseline ? " baseline ms | one/baseline |" : string.Empty) + " diagnostics |");
        output.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|" + (hasBaseline ? "--:|--:|" : string.Empty) + "---|");
    }

    public static void WriteRow(TextWriter output, ScalingRow row, ScalingRow? previous)
    {
        var cells = new List<string>
        {
            row.N.ToString(CultureInfo.InvariantCulture),
            row.Lines.ToString(CultureInfo.InvariantCulture),
            Milliseconds(row.Binding.Milliseconds),
            Milliseconds(row.Analyzers.ExecutionMilliseconds),
            Milliseconds(row.Analyzers.WallMilliseconds),
            Ratio(row.AnalyzerOverBinding),
            (row.Analyzers.ExecutionMilliseconds * 1000 / row.N).ToString("F0", CultureInfo.InvariantCulture),
            previous == null ? "" : Ratio(row.Analyzers.ExecutionMilliseconds / previous.Analyzers.ExecutionMilliseconds) + $" (N ×{(double)row.N / previous.N:0.#})",
            previous == null ? "" : row.GrowthExponent(previous).ToString("F2", CultureInfo.InvariantCulture),
        };
        if (row.Baseline != null)
        {
            cells.Add(Milliseconds(row.Baseline.ExecutionMilliseconds));
            cells.Add(Ratio(row.OverBaseline!.Value));
        }

        cells.Add(Diagnostics(row.Analyzers.DiagnosticsByRule));
        output.WriteLine("| " + string.Join(" | ", cells) + " |");
    }

    public static string Diagnostics(IReadOnlyDictionary<string, int> byRule) =>
        byRule.Count == 0 ? "none" : string.Join(", ", byRule.Select(r => $"{r.Key}={r.Value}"));

    private static string Milliseconds(double value) => value.ToString("F0", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + "×";
}
