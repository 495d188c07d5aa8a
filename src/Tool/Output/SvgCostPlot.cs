using System.Globalization;
using System.Text;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Estimates;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Simulation;
using AllocAnalyzers.Runtime.Model.Trace;

namespace AllocAnalyzers.Tool.Output;

/// <summary>
/// An SVG line plot of the steady-state cost of "op SIZE; free" per iteration against SIZE (both axes
/// logarithmic), one line per platform: glibc's memset band ending at 32 MiB and libmalloc's cache
/// cliff at its entry limit show at a glance. The legend names each platform's allocator (the macOS
/// libmalloc version) and cost profile; cliffs are vertical steps at the exact threshold
/// (<see cref="CostCurve"/>); each line has its own width and dash, widest first, so that a line
/// running under another (Linux under Windows below 1 MiB) still shows at its edges.
/// </summary>
internal static class SvgCostPlot
{
    private const int Width = 1000, Height = 500, Left = 80, Right = 330, Top = 40, Bottom = 60;
    private static readonly (string Color, double Width, string Dash)[] Styles =
    {
        ("#1f77b4", 6, ""),
        ("#d62728", 3, ""),
        ("#2ca02c", 2, "7 4"),
    };

    public static string Render(TraceOpKind op, IReadOnlyList<TargetPlatform> platforms, Func<TargetPlatform, CostProfile> profileFor, SimulationOptions options)
    {
        var sizes = Enumerable.Range(0, 4 * 19 + 1).Select(i => (long)Math.Round(Math.Pow(2, 12 + i / 4.0))).ToList();
        var series = platforms.Select(p => (Platform: p, Points: CostCurve.Sample(sizes, s => Estimate(op, s, p, profileFor(p), options)))).ToList();

        double minY = Math.Max(1e-8, series.SelectMany(s => s.Points).Min(p => p.Seconds));
        double maxY = series.SelectMany(s => s.Points).Max(p => p.Seconds);
        double logMinY = Math.Floor(Math.Log10(minY)), logMaxY = Math.Ceiling(Math.Log10(Math.Max(maxY, minY * 10)));
        double X(long size) => Left + (Math.Log2(size) - 12) / 19.0 * (Width - Left - Right);
        // Clamp to the axis' bottom decade, not to the smallest point: ticks below that point must still sit on their decade.
        double Y(double seconds) => Top + (logMaxY - Math.Max(Math.Log10(Math.Max(seconds, 1e-300)), logMinY)) / (logMaxY - logMinY) * (Height - Top - Bottom);

        var sb = new StringBuilder();
        sb.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        string opName = TraceSyntax.NameOf(op);
        sb.Append(Invariant($"<text x=\"{Left}\" y=\"22\" font-size=\"15\">Cost per iteration of '{opName} SIZE; free' (steady state, model)</text>\n"));
        for (int e = (int)logMinY; e <= (int)logMaxY; e++)
        {
            double y = Y(Math.Pow(10, e));
            sb.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#ddd\"/>"));
            sb.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{Escape(CostFormat.Duration(Math.Pow(10, e)))}</text>\n"));
        }

        for (int exp = 12; exp <= 31; exp += 2)
        {
            double x = X(1L << exp);
            sb.Append(Invariant($"<line x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#eee\"/>"));
            sb.Append(Invariant($"<text x=\"{x:F1}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Escape(CostFormat.Bytes(1L << exp))}</text>\n"));
        }

        sb.Append(Invariant($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 18}\" text-anchor=\"middle\">allocation size</text>\n"));
        for (int i = 0; i < series.Count; i++)
        {
            var (color, width, dash) = Styles[i % Styles.Length];
            string dashAttribute = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : string.Empty;
            string points = string.Join(" ", series[i].Points.Select(p => Invariant($"{X(p.Size):F1},{Y(p.Seconds):F1}")));
            sb.Append(Invariant($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\"{dashAttribute} stroke-linejoin=\"round\" points=\"{points}\"/>\n"));
            var platform = series[i].Platform;
            var profile = profileFor(platform);
            double ly = Top + 20 + i * 48;
            sb.Append(Invariant($"<line x1=\"{Width - Right + 12}\" x2=\"{Width - Right + 44}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{color}\" stroke-width=\"{width}\"{dashAttribute}/>"));
            sb.Append(Invariant($"<text x=\"{Width - Right + 52}\" y=\"{ly + 4}\">{Escape(SimulationTables.PlatformName(platform) + ": " + AllocatorName(platform, profile, options))}</text>"));
            sb.Append(Invariant($"<text x=\"{Width - Right + 52}\" y=\"{ly + 20}\" fill=\"#555\">{Escape("profile " + profile.Name)}</text>\n"));
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>The allocator as the simulation names it, e.g. the libmalloc version chosen for macOS.</summary>
    private static string AllocatorName(TargetPlatform platform, CostProfile profile, SimulationOptions options) =>
        Simulator.Run(TraceParser.Parse("malloc 1"), platform, profile, options).Allocator;

    private static double Estimate(TraceOpKind op, long size, TargetPlatform platform, CostProfile profile, SimulationOptions options) =>
        op == TraceOpKind.Malloc
            ? NativeAllocationCosts.RepeatedMallocFree(size, platform, profile, options).Seconds
            : NativeAllocationCosts.RepeatedCallocFree(size, platform, profile, options).Seconds;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
