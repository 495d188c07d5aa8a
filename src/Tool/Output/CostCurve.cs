namespace AllocAnalyzers.Tool.Output;

/// <summary>
/// A cost-against-size curve sampled a quarter octave apart, with each cliff (a threshold where the
/// cost jumps) pinned to the exact byte by bisection, so that a plot draws it as a vertical step at
/// the threshold instead of a slope that seems to start a quarter octave early.
/// </summary>
internal static class CostCurve
{
    /// <summary>Neighbouring samples further apart than this factor straddle a cliff: a steady band grows by 2^(1/4) ≈ 1.19 at most.</summary>
    private const double CliffRatio = 1.4;

    public static List<(long Size, double Seconds)> Sample(IReadOnlyList<long> sizes, Func<long, double> cost)
    {
        var points = new List<(long Size, double Seconds)>();
        var previous = (Size: sizes[0], Seconds: cost(sizes[0]));
        points.Add(previous);
        foreach (var size in sizes.Skip(1))
        {
            var next = (Size: size, Seconds: cost(size));
            if (IsCliff(previous.Seconds, next.Seconds))
            {
                var (below, above) = Bisect(previous, next, cost);
                if (below.Size != previous.Size) points.Add(below);
                if (above.Size != next.Size) points.Add(above);
            }

            points.Add(next);
            previous = next;
        }

        return points;
    }

    private static bool IsCliff(double a, double b) => Math.Max(a, b) > CliffRatio * Math.Max(Math.Min(a, b), 1e-300);

    /// <summary>The last size on the low side of the jump and the first on the high side (one byte apart).</summary>
    private static ((long Size, double Seconds) Below, (long Size, double Seconds) Above) Bisect(
        (long Size, double Seconds) low, (long Size, double Seconds) high, Func<long, double> cost)
    {
        while (high.Size - low.Size > 1)
        {
            long mid = low.Size + (high.Size - low.Size) / 2;
            var m = (Size: mid, Seconds: cost(mid));
            if (Distance(m.Seconds, low.Seconds) <= Distance(m.Seconds, high.Seconds)) low = m;
            else high = m;
        }

        return (low, high);
    }

    private static double Distance(double a, double b) => Math.Abs(Math.Log(Math.Max(a, 1e-300)) - Math.Log(Math.Max(b, 1e-300)));
}
