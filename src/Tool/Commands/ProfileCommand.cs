using System.CommandLine;
using AllocAnalyzers.Tool.CommandLine;
using AllocAnalyzers.Tool.Profiling;

namespace AllocAnalyzers.Tool.Commands;

/// <summary>
/// `profile`: sampled allocation profile of a .NET program over EventPipe, written as pprof and
/// as a site summary for the analyzer.
/// </summary>
internal static class ProfileCommand
{
    public const string DefaultOutput = "alloc-profile";

    public static Command Create()
    {
        var pid = new Option<int?>("--pid", "-p") { Description = "Attach to a running .NET process." };
        var trace = new Option<string?>("--trace") { Description = "Read a .nettrace file instead of a live process." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output prefix: writes PREFIX.pb.gz (pprof) and PREFIX.sites.tsv (site summary).",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var events = new Option<AllocationEventSource>("--events")
        {
            Description = "Sampled (.NET 10 AllocationSampled), Tick (GCAllocationTick), or Auto: sampled where the runtime has it.",
            DefaultValueFactory = _ => AllocationEventSource.Auto,
        };
        var duration = new Option<double?>("--duration", "-d") { Description = "Stop after this many seconds (default: when the program exits, or Ctrl+C)." };
        var command = new Argument<string[]>("command")
        {
            Description = "The program to launch and its arguments, after --: an executable or a .dll (run with dotnet).",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var profile = new Command("profile", "Record where a .NET program allocates and write a pprof profile and a site summary.")
        {
            pid, trace, output, events, duration, command,
        };
        CommandHelp.Describe(
            profile,
            "Samples the program's allocations with their stacks over EventPipe (AllocationSampled on .NET 10+,\n"
            + "GCAllocationTick before) and writes PREFIX.pb.gz (pprof: go tool pprof, Speedscope, ...) and PREFIX.sites.tsv,\n"
            + "the site summary the analyzer reads as an AdditionalFile (docs/profiler.md).\n\n"
            + "Stopping: the recording ends when the program exits, after --duration, or on Ctrl+C / SIGTERM. Ctrl+C and\n"
            + "SIGTERM stop the session and the profile is still written from what was recorded; a program the tool\n"
            + "launched is then ended (it does not see the Ctrl+C itself), one attached to with --pid goes on running.",
            [
                ("alloc-analyzers profile -- bin/Release/net10.0/MyApp.dll input.txt", "launch and record until it exits"),
                ("alloc-analyzers profile -o build/myapp -- ./MyApp --port 8080", "a native host; arguments after -- are the program's"),
                ("alloc-analyzers profile --pid 4242 --duration 30", "attach for 30 s"),
                ("alloc-analyzers profile --trace recorded.nettrace", "a trace from dotnet-trace"),
            ],
            [
                (ExitCodes.Success, "the profile and the site summary were written (also after Ctrl+C or SIGTERM)"),
                (ExitCodes.Usage, "bad command line: unknown option or value, no target or two targets"),
                (ProfilingException.TargetError, "no such process, not a .NET process, or the program would not start"),
                (ProfilingException.NoDataError, "nothing to write: no allocation events, stopped before the recording started, an unreadable\n"
                    + "       or cut-off trace (a program killed mid-recording), or the outputs could not be written"),
            ]);
        profile.SetAction(async (result, cancel) =>
        {
            var settings = new ProfileSettings(
                result.GetValue(pid),
                result.GetValue(command) ?? [],
                result.GetValue(trace),
                result.GetValue(output)!,
                result.GetValue(events),
                result.GetValue(duration) is double seconds ? TimeSpan.FromSeconds(seconds) : null);
            using var signals = new StopSignals();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, signals.Token);
            return await RunAsync(result, settings, stop.Token);
        });
        return profile;
    }

    /// <summary>Runs and turns every failure into a message and an exit code, never a stack trace.</summary>
    internal static async Task<int> RunAsync(ParseResult parseResult, ProfileSettings settings, CancellationToken stop)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return await ProfileRunner.RunAsync(settings, stop);
        }
        catch (ProfilingException e) when (e.ExitCode == ExitCodes.Usage)
        {
            return UsageErrors.Report(parseResult, error, e.Message);
        }
        catch (ProfilingException e)
        {
            error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"error: profiling failed unexpectedly: {e.GetType().Name}: {e.Message}");
            return ProfilingException.NoDataError;
        }
    }
}
