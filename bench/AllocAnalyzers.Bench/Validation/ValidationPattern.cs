namespace AllocAnalyzers.Bench.Validation;

/// <summary>
/// One real loop and the trace that models one iteration of it (or the whole loop, when <see cref="WholeLoop"/>).
/// <see cref="Fitted"/>: a calibration step measures the same loop, so agreement checks the algebra, not the model.
/// </summary>
internal sealed record ValidationPattern(string Name, string Trace, Func<double> Measure, bool WholeLoop = false, long? MmapThreshold = null, bool Fitted = false);
