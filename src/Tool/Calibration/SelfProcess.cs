using System.Diagnostics;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>
/// Starts this program again (a fresh process for a measurement), however it was started: through
/// its apphost, or as `dotnet program.dll`, where the process is the dotnet host and the program's
/// .dll must come first on the command line.
/// </summary>
public static class SelfProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string entry = Environment.GetCommandLineArgs()[0];
        if (Path.GetFileNameWithoutExtension(self) == "dotnet" && entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) start.ArgumentList.Add(entry);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}
