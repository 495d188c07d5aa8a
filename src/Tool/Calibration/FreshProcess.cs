using System.Diagnostics;
using System.Globalization;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>
/// Runs one .NET allocation loop in a fresh process. The GC tunes its budgets to the program's history, so a
/// loop measured after other loops in the same process shows that history, not the loop; a fresh process is
/// what a program's hot loop sees. The child is this same program started with the hidden verb
/// <see cref="Verb"/>; both the tool and the validation benchmark answer it with <see cref="RunChild"/>.
/// </summary>
public static class FreshProcess
{
    public const string Verb = "__measure-loop";

    /// <summary>
    /// Measures <paramref name="pattern"/> (new, uninit, rent, clear) of <paramref name="bytes"/> in five child
    /// processes and keeps the fastest: on a busy machine one process's loop can run at half speed throughout.
    /// </summary>
    public static LoopTiming Measure(string pattern, int bytes, int perBatch)
    {
        LoopTiming best = MeasureOnce(pattern, bytes, perBatch);
        for (int i = 1; i < 5; i++)
        {
            var t = MeasureOnce(pattern, bytes, perBatch);
            if (t.Seconds < best.Seconds) best = t;
        }

        return best;
    }

    private static LoopTiming MeasureOnce(string pattern, int bytes, int perBatch)
    {
        var start = SelfProcess.StartInfo([Verb, pattern, bytes.ToString(CultureInfo.InvariantCulture), perBatch.ToString(CultureInfo.InvariantCulture)]);
        // Fully optimized code from the first call: a short child would otherwise spend its run in tier-0 code.
        start.Environment["DOTNET_TieredCompilation"] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + start.FileName);
        string output = child.StandardOutput.ReadToEnd();
        string error = child.StandardError.ReadToEnd();
        child.WaitForExit();
        var parts = output.Trim().Split(' ');
        if (child.ExitCode != 0 || parts.Length != 3) throw new InvalidOperationException("measuring " + pattern + " failed: " + output + error);
        return new LoopTiming(Parse(parts[0]), Parse(parts[1]), Parse(parts[2]));
    }

    /// <summary>The child's side: runs the loop and prints "seconds gen0-per-iteration gen2-per-iteration".</summary>
    public static int RunChild(string[] args)
    {
        if (args.Length < 4) return 2;
        int bytes = int.Parse(args[2], CultureInfo.InvariantCulture);
        int perBatch = int.Parse(args[3], CultureInfo.InvariantCulture);
        LoopTiming t = args[1] switch
        {
            "new" => RealPatterns.NewArray(bytes, perBatch),
            "uninit" => RealPatterns.UninitializedArray(bytes, perBatch),
            "rent" => RealPatterns.RentReturn(bytes, perBatch),
            "clear" => RealPatterns.HoistedClear(bytes, perBatch),
            _ => throw new ArgumentException("unknown loop " + args[1]),
        };
        Console.WriteLine(string.Join(" ", new[] { t.Seconds, t.Gen0PerIteration, t.Gen2PerIteration }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        return 0;
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
