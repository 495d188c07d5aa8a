namespace AllocAnalyzers.Scaling.Shapes;

/// <summary>
/// One loop that picks one of N branches per iteration, each branch allocating a fresh 4 KiB buffer,
/// clearing it and reading into it: as an N-case <c>switch</c> and as an N-long <c>if/else</c> chain.
/// </summary>
internal static class BranchShapes
{
    private const string Signature = "public static long Run(Stream stream, int count, int mode)";

    private static string Branch(int k) => $$"""
                        byte[] b{{k}} = new byte[4096];
                        Array.Clear(b{{k}});
                        b{{k}}[0] = (byte)i;
                        total += stream.Read(b{{k}}, 1, b{{k}}.Length - 1);
        """;

    public static string Switch(int n) => InLoop(n, "switch ((mode + i) % " + n + ")\n            {\n"
        + string.Concat(Enumerable.Range(0, n).Select(k => $"            case {k}:\n            {{\n{Branch(k)}\n                break;\n            }}\n"))
        + "            }");

    public static string IfElse(int n) => InLoop(n, "int selector = (mode + i) % " + n + ";\n"
        + string.Join("            else ", Enumerable.Range(0, n).Select(k => $"if (selector == {k})\n            {{\n{Branch(k)}\n            }}\n")));

    private static string InLoop(int n, string loopBody) => GeneratedFile.WithMethods(new[]
    {
        GeneratedFile.Method(Signature, new[] { "        for (int i = 0; i < count; i++)\n        {\n            " + loopBody + "\n        }" }),
    });
}
