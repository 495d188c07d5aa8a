using System.CommandLine;
using AllocAnalyzers.Tool.Output;
using AllocAnalyzers.Tool.Reporting;
using Spectre.Console;

namespace AllocAnalyzers.Tool.Commands;

/// <summary><c>report</c>: ranks the AllocAnalyzers findings of compiler SARIF logs by what they waste, optionally only the new ones.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var logs = new Argument<string[]>("sarif")
        {
            Description = "SARIF 2.1 logs written by the compiler (build with -p:ErrorLog=alloc.sarif%2Cversion=2.1).",
            Arity = ArgumentArity.OneOrMore,
        };
        var baseline = new Option<string[]>("--baseline")
        {
            Description = "SARIF logs of an earlier build: show only findings they do not have (matched by rule, file name and fingerprint, not line).",
            AllowMultipleArgumentsPerToken = true,
        };
        var failOnNew = new Option<bool>("--fail-on-new") { Description = "Exit with code 5 when there are new findings (all findings when there is no --baseline)." };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the report as Markdown to this file (e.g. $GITHUB_STEP_SUMMARY)." };
        var command = new Command("report", "Rank the AllocAnalyzers findings of one or more SARIF logs by estimated cost (measured first where a site\n"
            + "summary measured the line), print a table and a total, optionally write Markdown for a CI summary.\n\n"
            + "Examples:\n"
            + "  dotnet build -p:ErrorLog=alloc.sarif%2Cversion=2.1\n"
            + "  alloc-analyzers report alloc.sarif\n"
            + "  alloc-analyzers report alloc.sarif --baseline main.sarif --fail-on-new --markdown summary.md\n"
            + "  alloc-analyzers report sarif/*.sarif --baseline main-sarif/*.sarif     one log per project and target framework\n\n"
            + "Exit codes: 0 success, 1 bad command line, 2 not a compiler SARIF 2.1 log, 3 cannot read or write a file,\n"
            + "5 new findings with --fail-on-new.");
        command.Arguments.Add(logs);
        foreach (var o in new Option[] { baseline, failOnNew, markdown }) command.Options.Add(o);
        command.SetAction(parseResult => Run(parseResult, parseResult.GetValue(logs) ?? Array.Empty<string>(),
            parseResult.GetValue(baseline) ?? Array.Empty<string>(), parseResult.GetValue(failOnNew), parseResult.GetValue(markdown)));
        return command;
    }

    private static int Run(ParseResult parseResult, string[] logs, string[] baselinePaths, bool failOnNew, string? markdownPath)
    {
        WasteReport report;
        try
        {
            report = WasteReport.Build(logs, baselinePaths);
        }
        catch (SarifInputException e)
        {
            return ToolConsole.Fail(parseResult, e.Message, e.Unreadable ? ExitCodes.IoError : ExitCodes.InvalidInput);
        }

        string root = Directory.GetCurrentDirectory();
        var console = ToolConsole.For(parseResult);
        ReportTable.Write(console, report, root);
        if (markdownPath != null)
        {
            try
            {
                File.WriteAllText(markdownPath, MarkdownReport.Render(report, root));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ToolConsole.Fail(parseResult, "cannot write " + markdownPath + ": " + e.Message, ExitCodes.IoError);
            }
        }

        return failOnNew && report.Shown.Count > 0 ? ExitCodes.NewFindings : ExitCodes.Success;
    }
}
