using System.CommandLine;
using AllocAnalyzers.Tool;

// Entry point: each command lives in its own file under Commands/ and is added here.
var root = new RootCommand("alloc-analyzers: cost model, calibration and allocation profiling for AllocAnalyzers.");
foreach (var command in ToolCommands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
