using AllocAnalyzers.Runtime.Profiling.Summary;

namespace AllocAnalyzers.Tool.Tests.Profiling;

/// <summary>Profiles samples/SeedReadLoop once (a few seconds) for the end-to-end checks.</summary>
public sealed class SeedReadLoopProfile
{
    public const int MebibytesRead = 64; // 4,096 reads of 16 KiB, each with a fresh 1 MiB buffer

    public SeedReadLoopProfile()
    {
        Prefix = Path.Combine(Path.GetTempPath(), $"seed-profile-{Guid.NewGuid():N}");
        Result = ToolRunner.RunTool(TimeSpan.FromSeconds(120), "profile", "-o", Prefix, "--", SampleDll, MebibytesRead.ToString());
    }

    /// <summary>The sample, built next to the tests by the project reference, in the same configuration.</summary>
    public static string SampleDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(ToolRunner.RepoRoot, "samples", "SeedReadLoop", "bin", configuration, "net10.0", "SeedReadLoop.dll");
        }
    }

    public string Prefix { get; }

    public (int ExitCode, string Out, string Err) Result { get; }
}

public class SeedReadLoopProfileTests(SeedReadLoopProfile profile) : IClassFixture<SeedReadLoopProfile>
{
    [Fact]
    public void The_read_loop_is_the_top_allocation_site_in_the_summary()
    {
        Assert.True(profile.Result.ExitCode == 0, profile.Result.Err + profile.Result.Out);
        Assert.Contains("read 64 MiB", profile.Result.Out); // the program ran to its end
        using var reader = new StreamReader(profile.Prefix + ".sites.tsv");
        var top = SiteSummaryFormat.Read(reader)[0];

        Assert.Equal("ReadLoop.ReadAll(class System.IO.Stream)", top.Method);
        Assert.Equal("System.Byte[]", top.Type);
        Assert.True(top.IsLarge);
        const double allocated = SeedReadLoopProfile.MebibytesRead * 64.0 * (1 << 20); // 64 MiB of buffers per MiB read
        Assert.InRange(top.EstimatedBytes, allocated * 0.95, allocated * 1.05);

        // From the runtime's IL-to-native map and the sample's PDB: the file, and the line of the allocation.
        Assert.Equal(Path.GetFullPath(SourceFile), Path.GetFullPath(top.File));
        Assert.Equal(AllocatingLine, top.Line);
    }

    [GoPprofFact]
    public void Go_pprof_gives_the_allocating_line_of_the_read_loop()
    {
        Assert.Equal(0, profile.Result.ExitCode);
        var top = GoPprof.Top(profile.Prefix + ".pb.gz", "-lines");
        var first = top.Split('\n').SkipWhile(l => !l.TrimStart().StartsWith("flat")).Skip(1).First();
        Assert.Contains("ReadLoop.ReadAll", first);
        Assert.EndsWith($"Program.cs:{AllocatingLine}", first.TrimEnd());
    }

    private static string SourceFile => Path.Combine(ToolRunner.RepoRoot, "samples", "SeedReadLoop", "Program.cs");

    /// <summary>The line of the sample's `new byte[BufferSize]`, found in the source, not hard-coded.</summary>
    private static int AllocatingLine => Array.FindIndex(File.ReadAllLines(SourceFile), l => l.Contains("new byte[BufferSize]")) + 1;

    [GoPprofFact]
    public void Go_pprof_names_the_read_loop_first()
    {
        Assert.Equal(0, profile.Result.ExitCode);
        var top = GoPprof.Top(profile.Prefix + ".pb.gz");
        var first = top.Split('\n').SkipWhile(l => !l.TrimStart().StartsWith("flat")).Skip(1).First();
        Assert.Contains("ReadLoop.ReadAll", first);
    }

    [Fact]
    public void GCAllocationTick_events_also_find_the_read_loop()
    {
        var prefix = profile.Prefix + "-tick";
        var result = ToolRunner.RunTool(TimeSpan.FromSeconds(120), "profile", "--events", "tick", "-o", prefix, "--", SeedReadLoopProfile.SampleDll, "16");
        Assert.True(result.ExitCode == 0, result.Err + result.Out);
        Assert.Contains("(Tick events", result.Out);
        using var reader = new StreamReader(prefix + ".sites.tsv");
        Assert.Equal("ReadLoop.ReadAll(class System.IO.Stream)", SiteSummaryFormat.Read(reader)[0].Method);
    }
}
