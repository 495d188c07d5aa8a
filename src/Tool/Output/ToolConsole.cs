using System.CommandLine;
using Spectre.Console;

namespace AllocAnalyzers.Tool.Output;

/// <summary>A Spectre console writing to the invocation's output, plain text when that is not the terminal (tests, pipes).</summary>
internal static class ToolConsole
{
    public static IAnsiConsole For(ParseResult parseResult)
    {
        var writer = parseResult.InvocationConfiguration.Output;
        if (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected) return AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // Files and pipes have no width; wide enough that the explanations do not wrap.
        console.Profile.Width = 160;
        return console;
    }

    /// <summary>Writes an error to the invocation's error stream and returns the exit code.</summary>
    public static int Fail(ParseResult parseResult, string message, int exitCode)
    {
        parseResult.InvocationConfiguration.Error.WriteLine("error: " + message);
        return exitCode;
    }
}
