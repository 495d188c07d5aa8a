using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace AllocAnalyzers.Tool.CommandLine;

/// <summary>
/// A command's help in three parts: its one-line summary (the command's Description, which is all
/// the top-level help lists), the parser's usage and options, then the details written here: what
/// it does at length, examples and exit codes.
/// </summary>
internal static class CommandHelp
{
    private static readonly ConditionalWeakTable<Command, string> Details = new();

    /// <summary>Registers the details shown after <paramref name="command"/>'s options in its --help.</summary>
    public static void Describe(Command command, string about, IEnumerable<(string Line, string Meaning)> examples, IEnumerable<(int Code, string Meaning)> exitCodes)
    {
        var text = new System.Text.StringBuilder();
        if (about.Length > 0) text.AppendLine(about.TrimEnd()).AppendLine();
        var exampleList = examples.ToList();
        int width = exampleList.Max(e => e.Line.Length) + 2;
        text.AppendLine("Examples:");
        foreach (var (line, meaning) in exampleList) text.AppendLine("  " + (meaning.Length == 0 ? line : line.PadRight(width) + meaning));
        text.AppendLine().AppendLine("Exit codes:");
        foreach (var (code, meaning) in exitCodes) text.AppendLine($"  {code,3}  {meaning}");
        Details.AddOrUpdate(command, text.ToString());
    }

    /// <summary>Makes the root's --help, which every command inherits, add the details.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().FirstOrDefault();
        if (help?.Action is SynchronousCommandLineAction inner and not WithDetails) help.Action = new WithDetails(inner);
    }

    private sealed class WithDetails(SynchronousCommandLineAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true; // `simulate --bogus --help` shows the help, as the parser's own action does

        public override int Invoke(ParseResult parseResult)
        {
            int code = inner.Invoke(parseResult);
            if (Details.TryGetValue(parseResult.CommandResult.Command, out var details))
            {
                parseResult.InvocationConfiguration.Output.Write(details);
                parseResult.InvocationConfiguration.Output.WriteLine();
            }

            return code;
        }
    }
}
