using System.CommandLine;

namespace AllocAnalyzers.Tool.CommandLine;

/// <summary>
/// Runs a command line with the tool's conventions (docs/cli.md): a command line it cannot run is
/// one `error:` line plus a pointer to --help, exit code 1; each command's --help ends with its
/// examples and exit codes.
/// </summary>
internal static class ToolInvocation
{
    public static RootCommand CreateRoot(IEnumerable<Command> commands)
    {
        var root = new RootCommand("alloc-analyzers: cost model, calibration and allocation profiling for AllocAnalyzers.");
        foreach (var command in commands) root.Subcommands.Add(command);
        CommandHelp.Describe(
            root,
            "Each command's --help has its options, examples and exit codes; docs/cli.md has them all.",
            [
                ("alloc-analyzers simulate 'calloc 100MiB; free x 10000'", "what a loop costs per platform"),
                ("alloc-analyzers calibrate", "measure this machine into a cost profile"),
                ("alloc-analyzers profile -- bin/Release/net10.0/MyApp.dll", "where a program allocates"),
            ],
            [
                (ExitCodes.Success, "success"),
                (ExitCodes.Usage, "bad command line (every command): unknown command, option or value"),
                (ExitCodes.InvalidInput, "and above: per command, see its --help"),
            ]);
        CommandHelp.Install(root);
        return root;
    }

    public static Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();

        // No fixed grace period after Ctrl+C or SIGTERM: `profile` handles both itself and still
        // writes what it recorded (Profiling/StopSignals.cs); the other commands end at once.
        configuration.ProcessTerminationTimeout = null;
        var parseResult = root.Parse(args);
        if (UsageErrors.Find(parseResult) is { } error) return Task.FromResult(UsageErrors.Report(parseResult, configuration.Error, error));
        return parseResult.InvokeAsync(configuration);
    }
}
