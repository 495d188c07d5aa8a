using System.Diagnostics;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// How `profile` starts the program it records. On Unix the program starts with SIGINT ignored:
/// Ctrl+C on a terminal reaches the whole foreground process group, and a .NET program that dies
/// of SIGINT never closes its EventPipe stream, so its trace is cut off and cannot be read back.
/// An ignored signal stays ignored across exec, and the .NET runtime leaves an inherited SIGINT
/// disposition of SIG_IGN alone (as for a shell's background job), so /bin/sh sets it and then
/// execs the program, which keeps the shell's process id. The tool itself handles Ctrl+C: it stops
/// the session, then ends the program (docs/cli.md, "profile").
/// </summary>
internal static class LaunchCommand
{
    private const string Shell = "/bin/sh";

    /// <summary>$0 is the program and "$@" its arguments: none of them goes through the shell's parser.</summary>
    private const string IgnoreInterruptThenExec = "trap '' INT; exec \"$0\" \"$@\"";

    public static ProcessStartInfo For(string fileName, IEnumerable<string> arguments)
    {
        var start = OperatingSystem.IsWindows() || !File.Exists(Shell)
            ? new ProcessStartInfo(fileName)
            : new ProcessStartInfo(Shell) { ArgumentList = { "-c", IgnoreInterruptThenExec, fileName } };
        start.UseShellExecute = false;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Whether the program can be found as the shell's exec would: a path, or a name on PATH.</summary>
    public static bool Exists(string fileName)
    {
        if (fileName.Contains(Path.DirectorySeparatorChar) || fileName.Contains(Path.AltDirectorySeparatorChar)) return File.Exists(fileName);
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, fileName)));
    }
}
