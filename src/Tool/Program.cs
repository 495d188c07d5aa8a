using System.CommandLine;
using AllocAnalyzers.Tool;
using AllocAnalyzers.Tool.Calibration;

// Hidden: calibrate measures each .NET loop in a fresh copy of this program.
if (args.Length > 0 && args[0] == FreshProcess.Verb)
{
    return FreshProcess.RunChild(args);
}

// Entry point: each command lives in its own file under Commands/ and is added here.
var root = new RootCommand("alloc-analyzers: cost model, calibration and allocation profiling for AllocAnalyzers.");
foreach (var command in ToolCommands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
