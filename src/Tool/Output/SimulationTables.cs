using System.Globalization;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Simulation;
using AllocAnalyzers.Runtime.Model.Trace;
using Spectre.Console;

namespace AllocAnalyzers.Tool.Output;

/// <summary>Prints simulation reports side by side, then the path each operation took.</summary>
internal static class SimulationTables
{
    public static void Write(IAnsiConsole console, IReadOnlyList<TraceOp> trace, IReadOnlyList<SimulationReport> reports, bool brief)
    {
        console.WriteLine("Trace: " + string.Join("; ", trace.Select(o => o.ToString())));
        var table = new Table().Border(TableBorder.Rounded).AddColumn("");
        foreach (var r in reports) table.AddColumn(new TableColumn(Markup.Escape(PlatformName(r.Platform) + "\n" + r.Allocator + "\n" + r.Profile.Name)).RightAligned());

        void Row(string name, Func<SimulationReport, string> value) =>
            table.AddRow(new[] { name }.Concat(reports.Select(value)).Select(s => new Markup(Markup.Escape(s))).ToArray());

        Row("estimated time", r => CostFormat.Duration(r.Seconds));
        Row("zeroed by allocator/runtime", r => Bytes(r.AllocatorZeroedBytes));
        Row("zeroed by the kernel", r => Bytes(r.KernelZeroedBytes));
        Row("page faults", r => Count(r.PageFaults));
        Row("system calls", r => Count(r.Syscalls));
        Row("gen 0 / gen 2 collections", r => Count(r.Gen0Collections) + " / " + Count(r.Gen2Collections));
        Row("peak resident", r => CostFormat.Bytes(r.PeakResidentBytes));
        Row("resident at the end", r => CostFormat.Bytes(r.FinalResidentBytes));
        console.Write(table);
        if (reports.Any(r => r.Extrapolated)) console.WriteLine("(long repetitions were simulated to a steady state and extrapolated)");
        if (brief) return;

        foreach (var r in reports)
        {
            var paths = new Table().Border(TableBorder.Simple).Title(Markup.Escape(PlatformName(r.Platform) + ": what each operation did"))
                .AddColumn("operation").AddColumn("path").AddColumn(new TableColumn("times").RightAligned()).AddColumn(new TableColumn("time").RightAligned());
            foreach (var p in r.Paths)
            {
                paths.AddRow(Markup.Escape(p.Operation), Markup.Escape(p.Path), Count(p.Count), CostFormat.Duration(p.Seconds));
            }

            console.Write(paths);
        }
    }

    public static string PlatformName(TargetPlatform p) => AllocatorCatalog.For(p).DisplayName;

    private static string Bytes(double bytes) => CostFormat.Bytes((long)Math.Round(bytes));

    private static string Count(double count) =>
        Math.Abs(count - Math.Round(count)) < 0.05 ? CostFormat.Count((long)Math.Round(count)) : count.ToString("N1", CultureInfo.InvariantCulture);
}
