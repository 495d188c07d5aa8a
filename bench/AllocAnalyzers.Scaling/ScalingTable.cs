using System.Globalization;

namespace AllocAnalyzers.Scaling;

/// <summary>Prints a shape's rows as a Markdown table, ready to paste into docs/design/analysis-cost.md.</summary>
internal static class ScalingTable
{
    public const string Legend =
        "bind CPU: mean over fresh compilations' GetDiagnostics(). analysis CPU: GetAnalyzerDiagnosticsAsync on a fresh compilation " +
        "(the package's analyzers alone; it binds again). analyzers CPU = analysis CPU - bind CPU: the figure every ratio, µs/unit, " +
        "×prev (growth from the previous N) and exponent (1 linear, 2 quadratic) use. telemetry: sum of the analyzers' ExecutionTime " +
        "(stopwatch). wall: the analysis run's stopwatch. All in ms, one thread, CPU times of this process.";

    public static void WriteHeader(TextWriter output, bool hasBaseline)
    {
        output.WriteLine("| N | lines | bind CPU | analysis CPU | analyzers CPU | analyzers/bind | µs/unit | ×prev | exponent | telemetry | wall |"
            + (hasBaseline ? " baseline analyzers CPU | one/baseline |" : string.Empty) + " diagnostics |");
        output.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|" + (hasBaseline ? "--:|--:|" : string.Empty) + "---|");
    }

    public static void WriteRow(TextWriter output, ScalingRow row, ScalingRow? previous)
    {
        var input = row.Input;
        var cells = new List<string>
        {
            row.N.ToString(CultureInfo.InvariantCulture),
            row.Lines.ToString(CultureInfo.InvariantCulture),
            Milliseconds(input.Binding.CpuMilliseconds),
            Milliseconds(input.Analysis.CpuMilliseconds),
            Milliseconds(input.AnalyzerCpuMilliseconds),
            Ratio(input.AnalyzerOverBinding),
            (input.AnalyzerCpuMilliseconds * 1000 / row.N).ToString("F0", CultureInfo.InvariantCulture),
            previous == null ? "" : Ratio(input.AnalyzerCpuMilliseconds / previous.Input.AnalyzerCpuMilliseconds) + $" (N ×{(double)row.N / previous.N:0.#})",
            previous == null ? "" : row.GrowthExponent(previous).ToString("F2", CultureInfo.InvariantCulture),
            Milliseconds(input.Analysis.TelemetryMilliseconds),
            Milliseconds(input.Analysis.WallMilliseconds),
        };
        if (row.Baseline != null)
        {
            cells.Add(Milliseconds(row.Baseline.AnalyzerCpuMilliseconds));
            cells.Add(Ratio(row.OverBaseline!.Value));
        }

        cells.Add(Diagnostics(input.Analysis.DiagnosticsByRule));
        output.WriteLine("| " + string.Join(" | ", cells) + " |");
    }

    public static string Diagnostics(IReadOnlyDictionary<string, int> byRule) =>
        byRule.Count == 0 ? "none" : string.Join(", ", byRule.Select(r => $"{r.Key}={r.Value}"));

    private static string Milliseconds(double value) => value.ToString("F0", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString(Math.Abs(value) < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + "×";
}
