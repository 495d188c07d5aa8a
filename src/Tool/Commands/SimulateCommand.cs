using System.CommandLine;
using System.Globalization;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Simulation;
using AllocAnalyzers.Runtime.Model.Trace;
using AllocAnalyzers.Tool.Calibration;
using AllocAnalyzers.Tool.CommandLine;
using AllocAnalyzers.Tool.Output;
using Spectre.Console;

namespace AllocAnalyzers.Tool.Commands;

/// <summary><c>simulate</c>: runs an allocation trace through the model on one or more platforms.</summary>
internal static class SimulateCommand
{
    // Names, aliases and variants come from the table the analyzers' options read too.
    private const string AllPlatforms = "all";
    private static readonly string[] PlatformNames = AllocatorCatalog.PlatformNames.Append(AllPlatforms).ToArray();
    private static readonly string[] MacVersions = AllocatorCatalog.MacOSVariantNames.ToArray();

    public static Command Create()
    {
        var trace = new Argument<string[]>("trace")
        {
            Description = "The trace, e.g. 'calloc 100MiB; free x 10000' (quote it: ';' ends a shell command).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var file = new Option<string?>("--file", "-f") { Description = "Read the trace from a file (one operation per line or ';'-separated; '#' comments)." };
        var platforms = new Option<string[]>("--platform", "-p")
        {
            Description = "Platforms to simulate: " + string.Join(", ", AllocatorCatalog.Platforms.Select(p => WithAliases(p.Name, p.Aliases))) + " or " + AllPlatforms + " (repeatable).",
            DefaultValueFactory = _ => new[] { AllPlatforms },
        };
        platforms.AcceptOnlyFromAmong(PlatformNames);
        var profile = new Option<string?>("--profile") { Description = "Cost profile for every platform: a built-in name (" + string.Join(", ", BuiltInProfiles.Names) + ") or a .globalconfig written by 'calibrate'. Default: each platform's built-in profile." };
        var mac = new Option<string>("--macos-version")
        {
            Description = "libmalloc to model: " + string.Join("; ", AllocatorCatalog.MacOSVariants.Select(v => WithAliases(v.Name, v.Aliases) + ": " + v.Description)) + ".",
            DefaultValueFactory = _ => AllocatorCatalog.DefaultMacOSVariant.Name,
        };
        mac.AcceptOnlyFromAmong(MacVersions);
        var threshold = new Option<string?>("--mmap-threshold") { Description = "Fix glibc's mmap threshold (like MALLOC_MMAP_THRESHOLD_=SIZE), which disables its dynamic raise." };
        var brief = new Option<bool>("--brief") { Description = "Only the summary table, not the path each operation took." };
        var svg = new Option<string?>("--svg") { Description = "Also write an SVG plot of the per-iteration cost of '<op> SIZE; free' against SIZE, per platform." };
        var svgOp = new Option<string>("--svg-op") { Description = "The allocation the plot varies: calloc or malloc.", DefaultValueFactory = _ => "calloc" };
        svgOp.AcceptOnlyFromAmong("calloc", "malloc");

        var command = new Command("simulate", "Simulate an allocation trace on Linux (glibc), macOS (libmalloc) and Windows (NT heap) and print what it costs.");
        CommandHelp.Describe(
            command,
            "Trace language: operations separated by ';' or new lines; '(…) x N' repeats a group; a trailing 'x N' after several\n"
            + "operations repeats them all. Sizes take B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024).\n"
            + "Operations:\n" + string.Join("\n", TraceSyntax.Operations.Select(o => "  " + o.Name.PadRight(14) + o.Meaning)),
            [
                ("alloc-analyzers simulate 'calloc 100MiB; free x 10000'", "the calloc story, on every platform"),
                ("alloc-analyzers simulate -p linux '(calloc 1MiB; free) x 1000'", "glibc's memset band"),
                ("alloc-analyzers simulate -p linux 'new 1MiB x 1000'", "a LOH array per iteration, gen 2 collections"),
                ("alloc-analyzers simulate -p linux 'new 1MiB; (clear 1MiB) x 1000'", "the same loop with the buffer hoisted"),
                ("alloc-analyzers simulate --svg cliff.svg 'calloc 1MiB; free'", "also plot cost against size"),
            ],
            [
                (ExitCodes.Success, "success"),
                (ExitCodes.Usage, "bad command line: unknown option or value, no trace, a trace and --file together"),
                (ExitCodes.InvalidInput, "malformed trace, size or cost profile, or a trace that cannot run"),
                (ExitCodes.IoError, "the trace file could not be read or the plot written"),
            ]);
        command.Arguments.Add(trace);
        foreach (var o in new Option[] { file, platforms, profile, mac, threshold, brief, svg, svgOp }) command.Options.Add(o);

        command.SetAction(parseResult => Run(parseResult, new Request(
            string.Join(" ", parseResult.GetValue(trace) ?? Array.Empty<string>()),
            parseResult.GetValue(file),
            parseResult.GetValue(platforms) ?? new[] { AllPlatforms },
            parseResult.GetValue(profile),
            parseResult.GetValue(mac) ?? AllocatorCatalog.DefaultMacOSVariant.Name,
            parseResult.GetValue(threshold),
            parseResult.GetValue(brief),
            parseResult.GetValue(svg),
            parseResult.GetValue(svgOp) ?? "calloc")));
        return command;
    }

    private sealed record Request(string Trace, string? File, string[] Platforms, string? Profile, string MacVersion, string? MmapThreshold, bool Brief, string? Svg, string SvgOp);

    private static int Run(ParseResult parseResult, Request request)
    {
        string text = request.Trace;
        if (request.File != null)
        {
            if (text.Trim().Length > 0) return ToolConsole.Fail(parseResult, "give the trace either as an argument or with --file, not both", ExitCodes.Usage);
            try
            {
                text = File.ReadAllText(request.File);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ToolConsole.Fail(parseResult, "cannot read " + request.File + ": " + e.Message, ExitCodes.IoError);
            }
        }

        if (text.Trim().Length == 0) return ToolConsole.Fail(parseResult, "no trace given; try: alloc-analyzers simulate 'calloc 100MiB; free x 10000' (see --help)", ExitCodes.Usage);
        if (!TraceParser.TryParse(text, out var ops, out var parseError)) return ToolConsole.Fail(parseResult, "malformed trace: " + parseError, ExitCodes.InvalidInput);

        var options = new SimulationOptions
        {
            MacOS = (AllocatorCatalog.FindMacOSVariant(request.MacVersion) ?? AllocatorCatalog.DefaultMacOSVariant).Config,
        };
        if (request.MmapThreshold != null)
        {
            try
            {
                options.GlibcMmapThreshold = SizeParser.Parse(request.MmapThreshold);
            }
            catch (TraceParseException e)
            {
                return ToolConsole.Fail(parseResult, "--mmap-threshold: " + e.Reason, ExitCodes.InvalidInput);
            }
        }

        CostProfile? fixedProfile = null;
        if (request.Profile != null && !ProfileLoader.TryLoad(request.Profile, out fixedProfile, out var profileError))
        {
            return ToolConsole.Fail(parseResult, "--profile: " + profileError, ExitCodes.InvalidInput);
        }

        var platforms = SelectPlatforms(request.Platforms);
        var reports = new List<SimulationReport>();
        foreach (var platform in platforms)
        {
            try
            {
                reports.Add(Simulator.Run(ops, platform, fixedProfile ?? BuiltInProfiles.For(platform), options));
            }
            catch (InvalidOperationException e)
            {
                return ToolConsole.Fail(parseResult, "the trace cannot run: " + e.Message, ExitCodes.InvalidInput);
            }
        }

        var console = ToolConsole.For(parseResult);
        SimulationTables.Write(console, ops, reports, request.Brief);
        if (request.Svg != null)
        {
            try
            {
                var kind = request.SvgOp == "malloc" ? TraceOpKind.Malloc : TraceOpKind.Calloc;
                File.WriteAllText(request.Svg, SvgCostPlot.Render(kind, platforms, p => fixedProfile ?? BuiltInProfiles.For(p), options));
                console.WriteLine("Plot written to " + request.Svg);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ToolConsole.Fail(parseResult, "cannot write " + request.Svg + ": " + e.Message, ExitCodes.IoError);
            }
        }

        return ExitCodes.Success;
    }

    private static string WithAliases(string name, IReadOnlyList<string> aliases) =>
        aliases.Count == 0 ? name : name + " (" + string.Join(", ", aliases) + ")";

    private static List<TargetPlatform> SelectPlatforms(IEnumerable<string> names)
    {
        var set = new List<TargetPlatform>();
        foreach (var name in names)
        {
            var named = AllocatorCatalog.FindPlatform(name);
            var add = named != null ? new[] { named.Platform } : AllocatorCatalog.Platforms.Select(p => p.Platform);
            foreach (var p in add)
            {
                if (!set.Contains(p)) set.Add(p);
            }
        }

        return set;
    }
}
