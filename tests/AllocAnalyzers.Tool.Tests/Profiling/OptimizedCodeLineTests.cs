using AllocAnalyzers.Runtime.Profiling.Summary;

namespace AllocAnalyzers.Tool.Tests.Profiling;

/// <summary>
/// Profiles samples/SeedReadLoop with its read loop in optimized code from early on, set by
/// runtime settings in this test only: OSR after the first loop iteration (without tiered PGO,
/// whose instrumented OSR versions come without an IL-to-native map TraceLog can use), and no
/// tiering at all (fully optimized from the first call). In both the runtime's map charges the
/// allocation to line 28 (`checksum += buffer[read - 1];`, measured before the IL search): the
/// profile must still give the line of `new byte[BufferSize]`.
/// </summary>
public sealed class OptimizedCodeLineProfile
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Settings = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["osr"] = new Dictionary<string, string>
        {
            ["DOTNET_TieredPGO"] = "0",
            ["DOTNET_TC_OnStackReplacement_InitialCounter"] = "1",
            ["DOTNET_OSR_HitLimit"] = "1",
        },
        ["no-tiering"] = new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" },
    };

    public OptimizedCodeLineProfile()
    {
        foreach (var (name, environment) in Settings)
        {
            var prefix = Path.Combine(Path.GetTempPath(), $"optimized-{name}-{Guid.NewGuid():N}");
            Results[name] = (prefix, ToolRunner.RunTool(environment, TimeSpan.FromSeconds(120), "profile", "-o", prefix, "--", SeedReadLoopProfile.SampleDll, "64"));
        }
    }

    public Dictionary<string, (string Prefix, (int ExitCode, string Out, string Err) Result)> Results { get; } = [];

    public static string SourceFile => Path.Combine(ToolRunner.RepoRoot, "samples", "SeedReadLoop", "Program.cs");

    /// <summary>The line of the sample's `new byte[BufferSize]`, found in the source, not hard-coded.</summary>
    public static int AllocatingLine => Array.FindIndex(File.ReadAllLines(SourceFile), l => l.Contains("new byte[BufferSize]")) + 1;
}

public class OptimizedCodeLineTests(OptimizedCodeLineProfile profiles) : IClassFixture<OptimizedCodeLineProfile>
{
    [Theory]
    [InlineData("osr")]
    [InlineData("no-tiering")]
    public void The_summary_gives_the_allocating_line_of_optimized_code(string settings)
    {
        var (prefix, result) = profiles.Results[settings];
        Assert.True(result.ExitCode == 0, result.Err + result.Out);
        Assert.Contains("read 64 MiB", result.Out);
        using var reader = new StreamReader(prefix + ".sites.tsv");
        var top = SiteSummaryFormat.Read(reader)[0];

        Assert.Equal("ReadLoop.ReadAll(class System.IO.Stream)", top.Method);
        Assert.Equal(Path.GetFullPath(OptimizedCodeLineProfile.SourceFile), Path.GetFullPath(top.File));
        Assert.Equal(OptimizedCodeLineProfile.AllocatingLine, top.Line);
    }

    [GoPprofFact]
    public void Go_pprof_charges_every_byte_of_the_read_loop_to_the_allocating_line()
    {
        foreach (var (prefix, result) in profiles.Results.Values)
        {
            Assert.Equal(0, result.ExitCode);
            var lines = GoPprof.Top(prefix + ".pb.gz", "-lines").Split('\n').Where(l => l.Contains("ReadLoop.ReadAll")).ToList();
            var line = Assert.Single(lines); // one line of ReadAll, not a share at line 28
            Assert.EndsWith($"Program.cs:{OptimizedCodeLineProfile.AllocatingLine}", line.TrimEnd());
        }
    }
}
