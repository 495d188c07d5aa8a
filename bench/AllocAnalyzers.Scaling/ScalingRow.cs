namespace AllocAnalyzers.Scaling;

/// <summary>One shape at one size: the compiler's binding time and the package's analysis time, and the same for the shape's baseline layout if it has one.</summary>
internal sealed record ScalingRow(int N, int Lines, BindingTime Binding, AnalyzerTime Analyzers, AnalyzerTime? Baseline)
{
    public double AnalyzerOverBinding => Analyzers.ExecutionMilliseconds / Binding.Milliseconds;

    public double? OverBaseline => Baseline == null ? null : Analyzers.ExecutionMilliseconds / Baseline.ExecutionMilliseconds;

    /// <summary>How the analysis time grew from the previous size: 1 is linear, 2 quadratic.</summary>
    public double GrowthExponent(ScalingRow previous) =>
        Math.Log(Analyzers.ExecutionMilliseconds / previous.Analyzers.ExecutionMilliseconds) / Math.Log((double)N / previous.N);
}
