using System.Diagnostics;

namespace AllocAnalyzers.Tool.Tests.Profiling;

/// <summary>Runs the built tool (and other programs) as a separate process, as a user would.</summary>
internal static class ToolRunner
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ToolDll => Path.Combine(AppContext.BaseDirectory, "alloc-analyzers.dll");

    public static (int ExitCode, string Out, string Err) RunTool(TimeSpan timeout, params string[] arguments) =>
        Run("dotnet", [ToolDll, .. arguments], timeout);

    /// <summary>The tool with extra environment variables (inherited by a program it launches).</summary>
    public static (int ExitCode, string Out, string Err) RunTool(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments) =>
        Run("dotnet", [ToolDll, .. arguments], timeout, environment);

    public static (int ExitCode, string Out, string Err) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AllocAnalyzers.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The repository root (AllocAnalyzers.sln) is not above the test's directory.");
    }
}
