using System.Globalization;
using AllocAnalyzers.Scaling.Shapes;

namespace AllocAnalyzers.Scaling;

/// <summary>The command line: <c>[--shape NAME[,NAME...]] [--max-n N] [--quick]</c>; no --shape runs every shape and the cancellation.</summary>
internal sealed record BenchOptions(IReadOnlyList<string>? Shapes, int MaxN, bool Quick)
{
    public const string CancelShape = "cancel";

    public static string Usage => "usage: AllocAnalyzers.Scaling [--shape NAME[,NAME...]] [--max-n N] [--quick]; shapes: " + string.Join(", ", ShapeCatalog.All.Select(s => s.Name).Append(CancelShape));

    /// <summary>The options, or the one-line reason they are wrong.</summary>
    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string[]? shapes = null;
        int maxN = int.MaxValue;
        bool quick = false;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--shape" when i + 1 < args.Count:
                    shapes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    foreach (string shape in shapes)
                    {
                        if (shape != CancelShape && ShapeCatalog.All.All(s => s.Name != shape))
                            return (null, $"unknown shape '{shape}'; {Usage}");
                    }

                    break;
                case "--max-n" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out maxN) || maxN <= 0)
                        return (null, $"--max-n needs a positive whole number, got '{args[i]}'");
                    break;
                default:
                    return (null, $"unexpected argument '{args[i]}'; {Usage}");
            }
        }

        return (new BenchOptions(shapes, maxN, quick), null);
    }

    public bool Runs(string shape) => Shapes == null || Shapes.Contains(shape);

    public IReadOnlyList<int> SizesOf(Shape shape) => (Quick ? shape.QuickSizes : shape.Sizes).Where(n => n <= MaxN).ToList();
}
