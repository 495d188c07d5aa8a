using System.Globalization;

namespace AllocAnalyzers.Scaling;

/// <summary>The speed goals of the analysis (issue 10), checked against the rows of the same run and printed as met or not met.</summary>
internal static class Bars
{
    public const int OneMethodBarN = 200;
    public const double OneMethodOverSpread = 3;
    public const int SwitchBarN = 1000;
    public const double SwitchOverBinding = 1;
    public const double CancelMilliseconds = 100;

    /// <summary>Between the two largest sizes; 1 is linear, 2 quadratic, and 1.2 leaves room for noise and n·log n.</summary>
    public const double NearLinearExponent = 1.2;

    public static IEnumerable<string> For(string shape, IReadOnlyList<ScalingRow> rows)
    {
        if (shape == "units" && rows.FirstOrDefault(r => r.N == OneMethodBarN) is { OverBaseline: { } overSpread })
            yield return Line($"one method / spread over {OneMethodBarN} methods ≤ {OneMethodOverSpread}×", overSpread, OneMethodOverSpread, "×");
        if (shape == "switch" && rows.FirstOrDefault(r => r.N == SwitchBarN) is { } switchRow)
            yield return Line($"{SwitchBarN}-case switch: analyzers / binding ≤ {SwitchOverBinding}×", switchRow.Input.AnalyzerOverBinding, SwitchOverBinding, "×");
        if (rows.Count >= 2)
            yield return Line($"growth exponent from N={rows[^2].N} to N={rows[^1].N} ≤ {NearLinearExponent} (1 = linear, 2 = quadratic)", rows[^1].GrowthExponent(rows[^2]), NearLinearExponent, "");
    }

    public static string Cancellation(CancellationResult result) =>
        Line($"cancelled analysis stops within {CancelMilliseconds} ms", result.StopMilliseconds, CancelMilliseconds, " ms");

    private static string Line(string bar, double measured, double limit, string unit) =>
        $"bar: {bar}: measured {measured.ToString("0.##", CultureInfo.InvariantCulture)}{unit}: {(measured <= limit ? "met" : "NOT met")}";
}
