namespace AllocAnalyzers.Scaling.Shapes;

/// <summary>Shapes made of N <see cref="LoopUnit"/>s: in one method, spread over N methods, async, and as goto loops.</summary>
internal static class LoopUnitShapes
{
    private const string Parameters = "(Stream stream, int count)";

    public static string OneMethod(int n) => GeneratedFile.WithMethods(new[]
    {
        GeneratedFile.Method("public static unsafe long Run" + Parameters, Enumerable.Range(0, n).Select(k => LoopUnit.ForLoop(k, LoopUnit.Body(k)))),
    });

    public static string Spread(int n) => GeneratedFile.WithMethods(
        Enumerable.Range(0, n).Select(k => GeneratedFile.Method($"public static unsafe long Run{k}" + Parameters, new[] { LoopUnit.ForLoop(k, LoopUnit.Body(k)) })));

    public static string Async(int n) => GeneratedFile.WithMethods(new[]
    {
        GeneratedFile.Method("public static async Task<long> RunAsync" + Parameters, Enumerable.Range(0, n).Select(k => LoopUnit.ForLoop(k, LoopUnit.AsyncBody(k)))),
    });

    public static string Goto(int n) => GeneratedFile.WithMethods(new[]
    {
        GeneratedFile.Method("public static unsafe long Run" + Parameters, Enumerable.Range(0, n).Select(k => LoopUnit.GotoLoop(k, LoopUnit.Body(k)))),
    });
}
