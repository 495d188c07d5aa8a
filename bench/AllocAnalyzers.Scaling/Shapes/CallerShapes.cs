namespace AllocAnalyzers.Scaling.Shapes;

/// <summary>
/// Reach across methods: N helpers that each allocate a 1 MiB scratch buffer per call, each called
/// from the loop of its own driver (N ALLOC001 reports found through the callers), and per driver an
/// allocation wrapper and a clearing helper (summaries of what a method returns and clears). The
/// call-site index is built once and every helper's callers are bound once: the cost should grow
/// linearly with N.
/// </summary>
internal static class CallerShapes
{
    public static string Generate(int n) => GeneratedFile.WithMethods(Enumerable.Range(0, n).SelectMany(k => new[]
    {
        $"    private static int Chunk{k}(Stream s) {{ var b = new byte[1 << 20]; return s.Read(b, 0, 16384); }}",
        $"    public static long Drive{k}(Stream s) {{ long total = 0; while (Chunk{k}(s) > 0) total++; var w = Wrap{k}(4096); Zero{k}(w); return total + w[0]; }}",
        $"    private static byte[] Wrap{k}(int size) => new byte[size];",
        $"    private static void Zero{k}(byte[] a) => Array.Clear(a);",
    }));
}
