namespace AllocAnalyzers.Scaling;

/// <summary>One input measured: the compiler binding it, and the package analyzing a fresh compilation of it.</summary>
internal sealed record Measured(BindingTime Binding, AnalyzerTime Analysis)
{
    /// <summary>The package's own CPU time: the analysis run's CPU minus the binding it repeats.</summary>
    public double AnalyzerCpuMilliseconds => Analysis.CpuMilliseconds - Binding.CpuMilliseconds;

    public double AnalyzerOverBinding => AnalyzerCpuMilliseconds / Binding.CpuMilliseconds;
}

/// <summary>One shape at one size, and the shape's baseline layout of the same N units if it has one.</summary>
internal sealed record ScalingRow(int N, int Lines, Measured Input, Measured? Baseline)
{
    public double? OverBaseline => Baseline == null ? null : Input.AnalyzerCpuMilliseconds / Baseline.AnalyzerCpuMilliseconds;

    /// <summary>How the analyzers' CPU time grew from the previous size: 1 is linear, 2 quadratic.</summary>
    public double GrowthExponent(ScalingRow previous) =>
        Math.Log(Input.AnalyzerCpuMilliseconds / previous.Input.AnalyzerCpuMilliseconds) / Math.Log((double)N / previous.N);
}
