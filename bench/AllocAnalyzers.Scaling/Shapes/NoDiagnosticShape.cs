namespace AllocAnalyzers.Scaling.Shapes;

/// <summary>
/// Code no rule should report: N arrays of a run-time size, each written once and measured, in one
/// method. It shows what the analysis costs code that gets nothing from it.
/// </summary>
internal static class NoDiagnosticShape
{
    public static string Generate(int n) => GeneratedFile.WithMethods(new[]
    {
        GeneratedFile.Method("public static long Run(int n)",
            Enumerable.Range(0, n).Select(k => $"        var u{k} = new int[n];\n        u{k}[0] = {k};\n        total += u{k}.Length;")),
    });
}
