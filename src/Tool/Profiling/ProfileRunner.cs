using AllocAnalyzers.Runtime.Profiling.Summary;
using AllocAnalyzers.Tool.Profiling.Pprof;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>Runs a `profile` command: record, then write the pprof file and the site summary.</summary>
internal static class ProfileRunner
{
    private const int TopSitesShown = 10;

    public static async Task<int> RunAsync(ProfileSettings settings, CancellationToken cancel)
    {
        settings.Validate();
        var profile = new AllocationProfile();
        var started = DateTime.UtcNow;
        using var lines = new SourceLineResolver(settings.SymbolPath);
        if (settings.TraceFile is { } traceFile)
        {
            TraceFileRecording.Run(traceFile, profile, lines);
        }
        else
        {
            if (settings.ProcessId is null) Console.Error.WriteLine($"starting '{string.Join(' ', settings.Command)}', held at startup until the recording runs");
            using var target = settings.ProcessId is int pid ? TargetProcess.Attach(pid) : TargetProcess.Launch(settings.Command, cancel);
            var name = target.Launched ? $"'{string.Join(' ', settings.Command)}' (pid {target.Id})" : $"pid {target.Id}";
            var trace = Path.Combine(Path.GetTempPath(), $"alloc-analyzers-{Environment.ProcessId}-{Guid.NewGuid():N}.nettrace");
            try
            {
                long recorded = 0;
                await ProfileProgress.RunAsync(
                    name,
                    () => $"{Interlocked.Read(ref recorded) / (1024.0 * 1024):N1} MiB of events",
                    () => EventPipeRecording.RunAsync(target, settings.Events, trace, settings.Duration, bytes => Interlocked.Exchange(ref recorded, bytes), cancel));
                if (target.Launched && target.Process.HasExited && target.Process.ExitCode != 0)
                {
                    Console.Error.WriteLine($"note: the program exited with code {target.Process.ExitCode}.");
                }

                Console.Error.WriteLine($"reading the recording ({Interlocked.Read(ref recorded) / (1024.0 * 1024):N1} MiB of events)");

                ReadRecording(target, trace, profile, lines);
            }
            catch
            {
                target.StopIfLaunched(); // never leave a launched program waiting at startup
                throw;
            }
            finally
            {
                TraceFileRecording.TryDelete(trace);
            }
        }

        var samples = profile.Samples();
        if (samples.Count == 0 && cancel.IsCancellationRequested)
        {
            throw new ProfilingException("Stopped before any allocation event was recorded: nothing was written.", ProfilingException.NoDataError);
        }

        if (samples.Count == 0)
        {
            throw new ProfilingException(
                "No allocation events were received: the target runtime sends neither AllocationSampled (.NET 10+) nor GCAllocationTick (.NET Core 3.0+), or the program allocated less than about 100 KB.",
                ProfilingException.NoDataError);
        }

        var rows = SiteSummaryBuilder.Rows(samples);
        var comment = $"alloc-analyzers profile from {profile.Source} events ({profile.Events:N0} events)";
        WriteOutputs(settings, samples, rows, DateTime.UtcNow - started, comment);
        ShowTopSites(rows, profile.Source);
        Console.WriteLine($"pprof profile: {settings.PprofPath}");
        Console.WriteLine($"site summary:  {settings.SummaryPath}");
        return 0;
    }

    /// <summary>Stacks are resolved now, after the session, not while the program runs.</summary>
    private static void ReadRecording(TargetProcess target, string trace, AllocationProfile profile, SourceLineResolver lines)
    {
        try
        {
            TraceFileRecording.Run(trace, profile, lines);
        }
        catch (ProfilingException e) when (target.Launched && target.Process.HasExited && target.Process.ExitCode != 0)
        {
            // The runtime closes the trace when it shuts down; a crashed or killed program leaves it cut off.
            throw new ProfilingException(
                $"The program ended abnormally (exit code {target.Process.ExitCode}) before its runtime closed the trace, and a cut-off trace cannot be read back ({e.Message})",
                e.ExitCode,
                e);
        }
    }

    private static void WriteOutputs(ProfileSettings settings, IReadOnlyList<AllocationSample> samples, IReadOnlyList<SiteSummaryRow> rows, TimeSpan duration, string comment)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(settings.PprofPath));
            if (directory is not null) Directory.CreateDirectory(directory);
            using (var pprof = File.Create(settings.PprofPath)) PprofWriter.Write(pprof, samples, duration, comment);
            using var summary = new StreamWriter(settings.SummaryPath);
            SiteSummaryFormat.Write(summary, rows, comment);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProfilingException($"Could not write the profile: {e.Message}", ProfilingException.NoDataError);
        }
    }

    /// <summary>Plain lines, not a table: method names are long and the output is often a log.</summary>
    private static void ShowTopSites(IReadOnlyList<SiteSummaryRow> rows, AllocationEventSource source)
    {
        var total = Math.Max(1, rows.Sum(r => (double)r.EstimatedBytes));
        Console.WriteLine($"Top allocation sites ({source} events; estimated bytes, share, objects, type, allocating method):");
        foreach (var row in rows.Take(TopSitesShown))
        {
            var loh = row.IsLarge ? " (LOH)" : "";
            Console.WriteLine($"{row.EstimatedBytes,18:N0} B {row.EstimatedBytes / total,7:P1} {row.EstimatedCount,12:N0}  {row.Type}{loh}  {row.Method}");
        }
    }
}
