using System.CommandLine;

namespace AllocAnalyzers.Tool.Tests.Commands;

/// <summary>Runs the tool's root command in-process with captured output and error streams.</summary>
internal static class ToolRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand("alloc-analyzers");
        foreach (var command in ToolCommands.All()) root.Subcommands.Add(command);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
