namespace AllocAnalyzers.Scaling.Shapes;

/// <summary>Buffers reached through chains of locals (<c>var a1 = a0; var a2 = a1; ...</c>), cleared and read into through the last one.</summary>
internal static class AliasChainShapes
{
    /// <summary>Aliases per buffer in <see cref="ShortChains"/>: within the depth today's analyzers follow, so each chain is reported.</summary>
    public const int ShortChainLength = 3;

    /// <summary>N buffers in one method, each in its own loop and each reached through a short chain of aliases.</summary>
    public static string ShortChains(int n) => GeneratedFile.WithMethods(new[]
    {
        GeneratedFile.Method("public static long Run(Stream stream, int count)", Enumerable.Range(0, n).Select(k =>
            $"        for (int i{k} = 0; i{k} < count; i{k}++)\n        {{\n" + Chain($"c{k}_", ShortChainLength) + "\n        }")),
    });

    /// <summary>One buffer passed down a single chain of N aliases in a loop.</summary>
    public static string LongChain(int n) => GeneratedFile.WithMethods(new[]
    {
        GeneratedFile.Method("public static long Run(Stream stream, int count)", new[]
        {
            "        for (int i = 0; i < count; i++)\n        {\n" + Chain("a", n) + "\n        }",
        }),
    });

    private static string Chain(string prefix, int length) =>
        $"            byte[] {prefix}0 = new byte[4096];\n"
        + string.Concat(Enumerable.Range(1, length).Select(k => $"            var {prefix}{k} = {prefix}{k - 1};\n"))
        + $"            Array.Clear({prefix}{length});\n            total += stream.Read({prefix}{length}, 0, {prefix}{length}.Length);";
}
