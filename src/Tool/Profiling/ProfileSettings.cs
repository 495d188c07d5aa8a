namespace AllocAnalyzers.Tool.Profiling;

/// <summary>What the `profile` command was asked to do.</summary>
internal sealed record ProfileSettings(
    int? ProcessId,
    IReadOnlyList<string> Command,
    string? TraceFile,
    string OutputPrefix,
    AllocationEventSource Events,
    TimeSpan? Duration)
{
    public string PprofPath => OutputPrefix + ".pb.gz";

    public string SummaryPath => OutputPrefix + ".sites.tsv";

    /// <summary>Where to look for PDBs besides each module's directory: the launched program's directory.</summary>
    public string SymbolPath => Command.Count > 0 ? Path.GetDirectoryName(Path.GetFullPath(Command[0])) ?? "" : "";

    /// <summary>Exactly one target: a process id, a command line, or a trace file.</summary>
    public void Validate()
    {
        var targets = (ProcessId is null ? 0 : 1) + (Command.Count == 0 ? 0 : 1) + (TraceFile is null ? 0 : 1);
        if (targets != 1)
        {
            throw new ProfilingException("give one target: a program to launch (after --), --pid <id>, or --trace <file.nettrace>", ExitCodes.Usage);
        }

        if (ProcessId is <= 0) throw new ProfilingException($"--pid: '{ProcessId}' is not a process id (a positive whole number)", ExitCodes.Usage);
        if (Duration is { } d && d <= TimeSpan.Zero) throw new ProfilingException($"--duration: '{d.TotalSeconds}' is not a positive number of seconds", ExitCodes.Usage);
    }
}
