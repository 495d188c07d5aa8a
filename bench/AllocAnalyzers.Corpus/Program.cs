using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using AllocAnalyzers.Corpus;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// Usage: dotnet run -c Release --project bench/AllocAnalyzers.Corpus -- [--out diagnostics.txt] [--option key=value]... [--cold] <folder>...
// Each folder is compiled as one library; every AllocAnalyzers analyzer runs over it.
// By default the analyzers first run once, unmeasured, over the first folder: a build server
// (VBCSCompiler) and an IDE keep analyzers loaded and compiled between builds, so the code of the
// analyzers and of the binder is JIT-compiled before the measured runs. --cold skips that and
// charges first-use JIT compilation to the first folder measured.
var arguments = args.ToList();
bool cold = arguments.Remove("--cold");
// --runs N: also measure the package's own CPU as the median of N runs on fresh compilations, minus
// the median of N runs of do-nothing analyzers that ask the driver for the same operations
// (DriverBaseline), against the median of N bindings; the three are interleaved round by round,
// after one uncounted round (CpuMedian).
int runs = 0;
int runsIndex = arguments.IndexOf("--runs");
if (runsIndex >= 0 && runsIndex + 1 < arguments.Count)
{
    runs = int.Parse(arguments[runsIndex + 1], System.Globalization.CultureInfo.InvariantCulture);
    arguments.RemoveRange(runsIndex, 2);
}
string? outPath = null;
int outIndex = arguments.IndexOf("--out");
if (outIndex >= 0 && outIndex + 1 < arguments.Count)
{
    outPath = arguments[outIndex + 1];
    arguments.RemoveRange(outIndex, 2);
}

var configuration = ImmutableDictionary.CreateBuilder<string, string>();
for (int i = arguments.IndexOf("--option"); i >= 0 && i + 1 < arguments.Count; i = arguments.IndexOf("--option"))
{
    var pair = arguments[i + 1].Split('=', 2);
    configuration[pair[0].Trim()] = pair.Length > 1 ? pair[1].Trim() : string.Empty;
    arguments.RemoveRange(i, 2);
}

if (arguments.Count == 0)
{
    Console.Error.WriteLine("usage: AllocAnalyzers.Corpus [--out diagnostics.txt] [--option key=value]... [--cold] [--runs N] <folder>...");
    return 2;
}

var analyzers = typeof(AllocAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
using var output = outPath == null ? TextWriter.Null : new StreamWriter(outPath);
int failures = 0;
if (!cold)
{
    var (warmUp, _) = CorpusCompilation.Create(arguments[0]);
    warmUp.GetDiagnostics();
    await warmUp.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptionsProvider(configuration.ToImmutable())),
        null, concurrentAnalysis: false, logAnalyzerExecutionTime: true)).GetAnalyzerDiagnosticsAsync();
}

var totals = new SortedDictionary<string, int>(StringComparer.Ordinal);
var analyzerTotals = new SortedDictionary<string, double>(StringComparer.Ordinal);
double compileTotal = 0;
// Stopwatch columns (compile s, analyzers s, ratio) grow with the machine's load; the CPU columns
// count only this process's work: compile CPU s (binding), analysis CPU s (GetAnalyzerDiagnosticsAsync,
// which binds again for the analyzers), analyzers CPU s (the analysis CPU times the share of its
// stopwatch that the analyzers' own callbacks took, per telemetry) and CPU ratio (analyzers CPU / compile CPU).
Console.WriteLine($"{"corpus",-40} {"files",6} {"errors",7} {"compile s",9} {"analyzers s",11} {"ratio",6} {"compile CPU s",13} {"analysis CPU s",14} {"analyzers CPU s",15} {"CPU ratio",9}  diagnostics");
foreach (var folder in arguments)
{
    var (compilation, files) = CorpusCompilation.Create(folder);
    ProcessCpu.Settle();
    var compileCpu = ProcessCpu.Now();
    var compileClock = Stopwatch.StartNew();
    int errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    compileClock.Stop();
    compileCpu = ProcessCpu.Now() - compileCpu;
    ProcessCpu.Settle();

    var exceptions = new ConcurrentBag<string>();
    var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptionsProvider(configuration.ToImmutable())),
        (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
        concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    var analysisCpu = ProcessCpu.Now();
    var analysisClock = Stopwatch.StartNew();
    var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    analysisClock.Stop();
    analysisCpu = ProcessCpu.Now() - analysisCpu;
    double analyzerSeconds = 0;
    foreach (var analyzer in analyzers)
    {
        double seconds = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalSeconds;
        analyzerSeconds += seconds;
        analyzerTotals[analyzer.GetType().Name] = analyzerTotals.GetValueOrDefault(analyzer.GetType().Name) + seconds;
    }

    compileTotal += compileClock.Elapsed.TotalSeconds;
    double analyzersCpu = analysisCpu.TotalSeconds * Math.Min(1, analyzerSeconds / analysisClock.Elapsed.TotalSeconds);
    var byRule = diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).ToList();
    foreach (var group in byRule) totals[group.Key] = totals.GetValueOrDefault(group.Key) + group.Count();
    Console.WriteLine($"{Path.GetFileName(folder.TrimEnd('/')),-40} {files,6} {errors,7} {compileClock.Elapsed.TotalSeconds,9:F2} {analyzerSeconds,11:F2} {analyzerSeconds / compileClock.Elapsed.TotalSeconds,6:P0} " +
        $"{compileCpu.TotalSeconds,13:F2} {analysisCpu.TotalSeconds,14:F2} {analyzersCpu,15:F2} {analyzersCpu / compileCpu.TotalSeconds,9:P1}  " +
        string.Join(", ", byRule.Select(g => $"{g.Key}={g.Count()}")));
    foreach (var diagnostic in diagnostics)
    {
        var span = diagnostic.Location.GetLineSpan();
        output.WriteLine($"{diagnostic.Id}\t{span.Path}:{span.StartLinePosition.Line + 1}\t{diagnostic.GetMessage()}");
    }

    if (runs > 0)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptionsProvider(configuration.ToImmutable()));
        var baseline = DriverBaseline.ForPackage();
        var medians = await CpuMedian.SecondsAsync(runs,
            () => Task.FromResult(CorpusCompilation.Create(folder).Compilation.GetDiagnostics()),
            () => CorpusCompilation.Create(folder).Compilation.WithAnalyzers(baseline, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false)).GetAnalyzerDiagnosticsAsync(),
            () => CorpusCompilation.Create(folder).Compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false)).GetAnalyzerDiagnosticsAsync());
        double bind = medians[0], driver = medians[1], package = medians[2];
        Console.WriteLine($"    median of {runs}: bind CPU {bind:F2} s, driver with a do-nothing analyzer {driver:F2} s, with the package {package:F2} s: package's own {package - driver:F2} s = {(package - driver) / bind:P1} of binding");
    }

    foreach (var exception in exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage())))
    {
        failures++;
        Console.Error.WriteLine($"ANALYZER EXCEPTION in {folder}: {exception}");
    }
}

Console.WriteLine("analyzer time as a share of compile (binding) time, all corpora: " +
    string.Join(", ", analyzerTotals.Select(t => $"{t.Key} {t.Value / compileTotal:P1}")));
Console.WriteLine("total: " + string.Join(", ", totals.Select(t => $"{t.Key}={t.Value}")) + $"; analyzer exceptions: {failures}");
return failures == 0 ? 0 : 1;
