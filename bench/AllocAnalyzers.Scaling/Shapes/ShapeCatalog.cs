namespace AllocAnalyzers.Scaling.Shapes;

/// <summary>Every shape the benchmark knows, with the sizes it runs (full, and --quick: small enough for about a minute on a quiet machine).</summary>
internal static class ShapeCatalog
{
    private static readonly int[] UnitSizes = { 50, 100, 200, 400, 800 };
    private static readonly int[] QuickUnitSizes = { 10, 20 };
    private static readonly int[] LineSizes = { 250, 500, 1000, 2000 };
    private static readonly int[] QuickLineSizes = { 100, 200 };

    /// <summary>The shape whose largest one-method input the cancellation measurement analyzes.</summary>
    public const string CancellationShape = "units";

    public static IReadOnlyList<Shape> All { get; } = new[]
    {
        new Shape("units", "N loop units in ONE method (baseline: the same N units spread over N methods)", UnitSizes, QuickUnitSizes, LoopUnitShapes.OneMethod, LoopUnitShapes.Spread),
        new Shape("switch", "an N-case switch in a loop, each case a fresh 4 KiB buffer cleared and read into", new[] { 500, 1000, 2000, 5000 }, new[] { 100, 200 }, BranchShapes.Switch),
        new Shape("async", "N loop units with awaited reads in one async method", UnitSizes, QuickUnitSizes, LoopUnitShapes.Async),
        new Shape("goto", "N loop units, each a label and a backward goto, in one method", UnitSizes, QuickUnitSizes, LoopUnitShapes.Goto),
        new Shape("ifelse", "an N-long if/else chain in a loop, each branch a fresh 4 KiB buffer cleared and read into", LineSizes, QuickLineSizes, BranchShapes.IfElse),
        new Shape("alias", $"N buffers in one method, each in its own loop, cleared and read through a chain of {AliasChainShapes.ShortChainLength} aliases", UnitSizes, QuickUnitSizes, AliasChainShapes.ShortChains),
        new Shape("aliaschain", "one buffer in a loop passed down a single chain of N aliases, cleared and read through the last", LineSizes, QuickLineSizes, AliasChainShapes.LongChain),
        new Shape("callers", "N helpers allocating 1 MiB per call, each called from a loop in its own driver, with an allocation wrapper and a clearing helper per driver", UnitSizes, QuickUnitSizes, CallerShapes.Generate),
        new Shape("nodiag", "N x `var uK = new int[n]; uK[0] = K; total += uK.Length;` in one method (no diagnostic expected)", LineSizes, QuickLineSizes, NoDiagnosticShape.Generate),
    };
}
