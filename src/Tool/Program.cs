using AllocAnalyzers.Tool;
using AllocAnalyzers.Tool.Calibration;
using AllocAnalyzers.Tool.CommandLine;

// Hidden: calibrate measures each .NET loop in a fresh copy of this program.
if (args.Length > 0 && args[0] == FreshProcess.Verb)
{
    return FreshProcess.RunChild(args);
}

// Entry point: each command lives in its own file under Commands/ and is added in ToolCommands.
return await ToolInvocation.InvokeAsync(ToolInvocation.CreateRoot(ToolCommands.All()), args);
