using System.CommandLine;
using AllocAnalyzers.Tool.Profiling;

namespace AllocAnalyzers.Tool.Commands;

/// <summary>
/// `profile`: sampled allocation profile of a .NET program over EventPipe, written as pprof and
/// as a site summary for the analyzer.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var pid = new Option<int?>("--pid", "-p") { Description = "Attach to a running .NET process." };
        var trace = new Option<string?>("--trace") { Description = "Read a .nettrace file instead of a live process." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output prefix: writes PREFIX.pb.gz (pprof) and PREFIX.sites.tsv (site summary).",
            DefaultValueFactory = _ => "alloc-profile",
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

        var profile = new Command("profile", "Record where a .NET program allocates (sampled, with stacks) and write a pprof profile and a site summary.")
        {
            pid, trace, output, events, duration, command,
        };
        profile.SetAction(async (result, cancel) =>
        {
            var settings = new ProfileSettings(
                result.GetValue(pid),
                result.GetValue(command) ?? [],
                result.GetValue(trace),
                result.GetValue(output)!,
                result.GetValue(events),
                result.GetValue(duration) is double seconds ? TimeSpan.FromSeconds(seconds) : null);
            return await RunAsync(settings, cancel);
        });
        return profile;
    }

    /// <summary>Runs and turns every failure into a message and an exit code, never a stack trace.</summary>
    internal static async Task<int> RunAsync(ProfileSettings settings, CancellationToken cancel)
    {
        try
        {
            return await ProfileRunner.RunAsync(settings, cancel);
        }
        catch (ProfilingException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"error: profiling failed unexpectedly: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }
}
