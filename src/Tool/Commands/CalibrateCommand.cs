using System.CommandLine;
using System.Globalization;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Tool.Calibration;
using AllocAnalyzers.Tool.CommandLine;
using AllocAnalyzers.Tool.Output;
using Spectre.Console;

namespace AllocAnalyzers.Tool.Commands;

/// <summary><c>calibrate</c>: measures this machine and writes a cost profile as a .globalconfig.</summary>
internal static class CalibrateCommand
{
    public const string DefaultOutput = "alloc-analyzers.costs.globalconfig";

    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where to write the profile (a .globalconfig; add it to your project and the analyzer prices its diagnostics with it).",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var name = new Option<string?>("--name") { Description = "The profile's name (default: calibrated-<machine name>)." };
        var quick = new Option<bool>("--quick") { Description = "Short runs (seconds instead of about a minute): noisier figures." };
        var force = new Option<bool>("--force") { Description = "Measure and write the profile even when the machine is too busy for reliable figures." };
        var command = new Command("calibrate", "Measure this machine and write a cost profile (.globalconfig) the analyzer reads.");
        CommandHelp.Describe(
            command,
            "Measures memset bandwidth, page faults, mmap/munmap, glibc malloc/calloc, .NET array allocation,\n"
            + "GC.AllocateUninitializedArray, ArrayPool, GC costs and budgets. The profile is a .globalconfig with keys\n"
            + "alloc_analyzers.cost_profile.<field>; see docs/runtime-model.md. Run it on an idle machine, Release build, Linux\n"
            + "(it calls glibc directly): a busy machine gives figures several times too slow, so calibrate measures the\n"
            + "load and refuses to write them unless --force is given.",
            [
                ("alloc-analyzers calibrate", "writes ./" + DefaultOutput),
                ("alloc-analyzers calibrate -o build/costs.globalconfig --name ci-runner", ""),
                ("alloc-analyzers simulate --profile " + DefaultOutput + " 'calloc 1MiB; free x 1000'", "use it"),
            ],
            [
                (ExitCodes.Success, "the profile was written"),
                (ExitCodes.Usage, "bad command line: unknown option or value"),
                (ExitCodes.IoError, "the output file cannot be written (checked before measuring)"),
                (ExitCodes.Unsupported, "not on Linux"),
                (ExitCodes.Unreliable, "the machine was too busy for reliable figures (nothing written; --force writes them anyway)"),
            ]);
        command.Options.Add(output);
        command.Options.Add(name);
        command.Options.Add(quick);
        command.Options.Add(force);
        command.SetAction(parseResult => Run(parseResult, parseResult.GetValue(output) ?? DefaultOutput,
            parseResult.GetValue(name) ?? "calibrated-" + Environment.MachineName.ToLowerInvariant(), parseResult.GetValue(quick), parseResult.GetValue(force)));
        return command;
    }

    private static int Run(ParseResult parseResult, string output, string name, bool quick, bool force)
    {
        if (!LibC.Available) return ToolConsole.Fail(parseResult, "calibrate measures glibc and the Linux kernel; run it on Linux", ExitCodes.Unsupported);

        // Before the minute of measuring: a path that cannot be written, and a machine already too busy.
        if (OutputCheck.Problem(output) is { } problem) return ToolConsole.Fail(parseResult, "cannot write " + output + ": " + problem, ExitCodes.IoError);
        var console = ToolConsole.For(parseResult);
        var load = MachineLoad.Start();
        if (load != null && load.VerdictAtStart != LoadVerdict.Quiet)
        {
            string busy = $"the machine is busy: load average {load.LoadAverageAtStart:0.0} on {MachineLoad.Cores} cores";
            if (load.VerdictAtStart == LoadVerdict.Unreliable && !force)
            {
                return ToolConsole.Fail(parseResult, busy + ", so calibrate would time the other processes too; run it when the machine is idle, or add --force", ExitCodes.Unreliable);
            }

            parseResult.InvocationConfiguration.Error.WriteLine("warning: " + busy + "; figures may come out slow");
        }

        var calibrator = new Calibrator(quick);
        CostProfile profile;
        if (console.Profile.Capabilities.Interactive)
        {
            CostProfile? result = null;
            console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("calibrating", maxValue: calibrator.Steps.Count);
                    result = calibrator.Run(name, (i, step) =>
                    {
                        task.Description = Markup.Escape(step);
                        task.Value = i;
                    });
                });
            profile = result!;
        }
        else
        {
            int total = calibrator.Steps.Count;
            profile = calibrator.Run(name, (i, step) =>
            {
                if (i < total) console.WriteLine("[" + (i + 1) + "/" + total + "] " + step);
            });
        }

        double others = load?.OthersBusyCores() ?? 0;
        var verdict = load == null ? LoadVerdict.Quiet : MachineLoad.Judge(others, MachineLoad.Cores);
        string during = $"other processes used {others:0.00} of {MachineLoad.Cores} cores while calibrating";
        if (load != null) console.WriteLine("Machine load: " + during + (verdict == LoadVerdict.Quiet ? " (quiet)" : string.Empty));

        var table = new Table().Border(TableBorder.Rounded).AddColumn("measurement").AddColumn(new TableColumn("value").RightAligned());
        foreach (var m in calibrator.Measurements) table.AddRow(Markup.Escape(m.Name), Markup.Escape(Format(m)));
        console.Write(table);

        if (verdict == LoadVerdict.Unreliable && !force)
        {
            return ToolConsole.Fail(parseResult, during + ": the figures measure that contention, not this machine; nothing written (run it when idle, or add --force)", ExitCodes.Unreliable);
        }

        if (verdict != LoadVerdict.Quiet) parseResult.InvocationConfiguration.Error.WriteLine("warning: " + during + "; some figures may be slow");

        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(output));
            if (dir != null) Directory.CreateDirectory(dir);
            File.WriteAllText(output, CostProfileConfig.Write(profile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ToolConsole.Fail(parseResult, "cannot write " + output + ": " + e.Message, ExitCodes.IoError);
        }

        console.WriteLine("Profile '" + profile.Name + "' written to " + output);
        return ExitCodes.Success;
    }

    private static string Format(Measurement m) => m.Unit switch
    {
        "s" => CostFormat.Duration(m.Value),
        "B/s" => (m.Value / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB/s",
        "B" => CostFormat.Bytes((long)m.Value),
        _ => m.Value.ToString("G4", CultureInfo.InvariantCulture) + " " + m.Unit,
    };
}
