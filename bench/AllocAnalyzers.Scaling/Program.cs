using System.Runtime.InteropServices;
using AllocAnalyzers.Scaling;
using AllocAnalyzers.Scaling.Shapes;

// Usage: dotnet run -c Release --project bench/AllocAnalyzers.Scaling -- [--shape NAME[,NAME...]] [--max-n N] [--quick]
// Exit code 1 if an analyzer threw or a generated input did not compile; bars are reported, not enforced.
var (options, error) = BenchOptions.Parse(args);
if (options == null)
{
    Console.Error.WriteLine("error: " + error);
    return 2;
}

var output = Console.Out;
output.WriteLine($"# AllocAnalyzers scaling benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.FrameworkDescription}, " +
    $"Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}, {Environment.ProcessorCount} cores, " +
    $"load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
output.WriteLine($"# {PackageAnalyzers.All.Length} analyzers: {string.Join(", ", PackageAnalyzers.All.Select(a => a.GetType().Name))}");
output.WriteLine($"# {ScalingTable.Legend} Bind: mean of at least {BindingClock.MinRuns} runs and {BindingClock.MinTotalCpu.TotalMilliseconds:0} ms of CPU; analysis: one run over {AnalyzerClock.LongRun.TotalSeconds:0} s of CPU, else the mean of at least {AnalyzerClock.ShortRuns} runs and {BindingClock.MinTotalCpu.TotalMilliseconds:0} ms.");

// JIT and framework metadata are paid here, not by the first measured size.
var warmUp = ScalingCompilation.Parse(LoopUnitShapes.OneMethod(2));
await MeasureAsync(warmUp);

int failures = 0;
var unitRows = new List<ScalingRow>();
foreach (var shape in ShapeCatalog.All.Where(s => options.Runs(s.Name)))
{
    output.WriteLine();
    output.WriteLine($"## {shape.Name}: {shape.Description}");
    output.WriteLine();
    ScalingTable.WriteHeader(output, shape.Baseline != null);
    var rows = new List<ScalingRow>();
    foreach (int n in options.SizesOf(shape))
    {
        string source = shape.Generate(n);
        var tree = ScalingCompilation.Parse(source);
        var input = await MeasureAsync(tree);
        var baseline = shape.Baseline == null ? null : await MeasureAsync(ScalingCompilation.Parse(shape.Baseline(n)));
        var row = new ScalingRow(n, tree.GetText().Lines.Count, input, baseline);
        ScalingTable.WriteRow(output, row, rows.LastOrDefault());
        rows.Add(row);
        failures += Report.Failures(shape.Name, n, input, baseline);
    }

    output.WriteLine();
    foreach (var bar in Bars.For(shape.Name, rows)) output.WriteLine(bar);
    if (shape.Name == ShapeCatalog.CancellationShape) unitRows = rows;
}

if (options.Runs(BenchOptions.CancelShape))
{
    var cancelShape = ShapeCatalog.All.Single(s => s.Name == ShapeCatalog.CancellationShape);
    int n = options.SizesOf(cancelShape).DefaultIfEmpty(cancelShape.QuickSizes[0]).Max();
    var tree = ScalingCompilation.Parse(cancelShape.Generate(n));
    // The full time of the same input, from the table when it was just measured.
    double fullWall = unitRows.FirstOrDefault(r => r.N == n)?.Input.Analysis.WallMilliseconds ?? (await AnalyzerClock.MeasureAsync(tree)).WallMilliseconds;
    var result = await CancellationLatency.MeasureAsync(tree, fullWall);
    output.WriteLine();
    output.WriteLine($"## cancel: the {ShapeCatalog.CancellationShape} one-method input at N={n} ({tree.GetText().Lines.Count} lines), full analysis {fullWall:F0} ms wall");
    output.WriteLine();
    output.WriteLine($"cancelled {result.CancelledAtMilliseconds:F0} ms after the start (method body reached: {result.MethodBodyReached}); " +
        $"the analysis task finished {result.StopMilliseconds:F0} ms after Cancel(), {(result.EndedCancelled ? "cancelled" : "NOT cancelled (ran to completion)")}");
    if (result.FinishedBeforeCancel)
    {
        output.WriteLine("the analysis finished before the token was cancelled: no latency measured");
        failures++;
    }
    else
    {
        output.WriteLine(Bars.Cancellation(result));
    }
}

output.WriteLine();
output.WriteLine($"failures (analyzer exceptions, generated inputs that do not compile): {failures}");
return failures == 0 ? 0 : 1;

static async Task<Measured> MeasureAsync(Microsoft.CodeAnalysis.SyntaxTree tree) =>
    new(BindingClock.Measure(tree), await AnalyzerClock.MeasureAsync(tree));
