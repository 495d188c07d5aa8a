using System.Globalization;
using AllocAnalyzers.Runtime.Formatting;

namespace AllocAnalyzers.Tool.Reporting;

/// <summary>
/// One AllocAnalyzers result of a SARIF log, with the figures the analyzer put in its properties
/// (docs/diagnostic-properties.md). Figures a result lacks are null.
/// </summary>
internal sealed record Finding(string RuleId, string File, int Line, string Message, IReadOnlyDictionary<string, string> Properties)
{
    public long? Bytes => Long(DiagnosticProperties.Bytes);
    public long? BytesZeroed => Long(DiagnosticProperties.BytesZeroed);
    public double? EstimatedSeconds => Double(DiagnosticProperties.EstimatedSeconds);
    public string? Repetition => Text(DiagnosticProperties.Repetition);
    public string? Platform => Text(DiagnosticProperties.Platform);
    public long? MeasuredBytes => Long(DiagnosticProperties.MeasuredBytes);
    public long? MeasuredSamples => Long(DiagnosticProperties.MeasuredSamples);
    public string? MeasuredSummary => Text(DiagnosticProperties.MeasuredSummary);

    /// <summary>The analyzer's line-independent fingerprint, or (from an analyzer that wrote none) the message.</summary>
    public string Fingerprint => Text(DiagnosticProperties.Fingerprint) ?? Message;

    public bool IsMeasured => MeasuredBytes is > 0;

    /// <summary>
    /// Time over the profiled run, where a site summary measured the line: the measured bytes make
    /// MeasuredBytes / Bytes occurrences, each costing EstimatedSeconds. Null without all three figures.
    /// </summary>
    public double? MeasuredSeconds =>
        IsMeasured && Bytes is > 0 && EstimatedSeconds is { } seconds ? (double)MeasuredBytes!.Value / Bytes.Value * seconds : null;

    private string? Text(string name) => Properties.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private long? Long(string name) => long.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : null;

    private double? Double(string name) => double.TryParse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
}
