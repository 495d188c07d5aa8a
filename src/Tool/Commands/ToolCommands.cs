using System.CommandLine;
using AllocAnalyzers.Tool.Commands;

namespace AllocAnalyzers.Tool;

/// <summary>The tool's commands, one factory per command file.</summary>
internal static class ToolCommands
{
    public static IEnumerable<Command> All()
    {
        // Each command adds one line here (calibrate, simulate, profile, report).
        yield return Commands.CalibrateCommand.Create();
        yield return Commands.SimulateCommand.Create();
        yield return ProfileCommand.Create();
        yield return ReportCommand.Create();
    }
}
