using System.CommandLine;
using AllocAnalyzers.Tool.CommandLine;

namespace AllocAnalyzers.Tool.Tests.Commands;

/// <summary>Runs the tool's root command in-process, with the tool's conventions, capturing output and error streams.</summary>
internal static class ToolRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = ToolInvocation.CreateRoot(ToolCommands.All());
        int code = ToolInvocation.InvokeAsync(root, args, new InvocationConfiguration { Output = output, Error = error }).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }
}
