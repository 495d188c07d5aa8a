namespace AllocAnalyzers.Scaling.Shapes;

/// <summary>
/// A family of generated inputs, one C# file per size N. <see cref="Baseline"/>, when present, is the
/// same N units laid out so that no method grows with N (the reference a one-method shape is compared with).
/// </summary>
internal sealed record Shape(
    string Name,
    string Description,
    IReadOnlyList<int> Sizes,
    IReadOnlyList<int> QuickSizes,
    Func<int, string> Generate,
    Func<int, string>? Baseline = null);
