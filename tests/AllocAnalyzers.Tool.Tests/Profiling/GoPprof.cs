namespace AllocAnalyzers.Tool.Tests.Profiling;

/// <summary>
/// `go tool pprof`, the reference pprof reader (Debian package golang-go, listed in
/// .ci/apt-packages.txt). Tests that need it are skipped, with this reason, only when it is absent.
/// </summary>
internal static class GoPprof
{
    public const string MissingReason = "go tool pprof is not installed: apt-get install golang-go (listed in .ci/apt-packages.txt)";

    public static string? GoPath { get; } = Find();

    /// <summary>The `-top` report of a profile (with `-lines`: by source line rather than by function).</summary>
    public static string Top(string profilePath, params string[] options)
    {
        var (exitCode, output, error) = ToolRunner.Run(GoPath!, ["tool", "pprof", .. options, "-top", profilePath], TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, $"go tool pprof failed ({exitCode}): {error}");
        return output;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "go"))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that needs go tool pprof.</summary>
public sealed class GoPprofFactAttribute : FactAttribute
{
    public GoPprofFactAttribute()
    {
        if (GoPprof.GoPath is null) Skip = GoPprof.MissingReason;
    }
}
