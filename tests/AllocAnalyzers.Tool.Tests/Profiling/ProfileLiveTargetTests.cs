using System.Diagnostics;
using AllocAnalyzers.Runtime.Profiling.Summary;

namespace AllocAnalyzers.Tool.Tests.Profiling;

/// <summary>Attaching to a running program, and a program killed while it is recorded (stopping by signal: <see cref="ProfileStopTests"/>).</summary>
public class ProfileLiveTargetTests
{
    private const string EndlessMiB = "1000000"; // runs far longer than any test

    private static SiteSummaryRow TopSite(string prefix)
    {
        using var reader = new StreamReader(prefix + ".sites.tsv");
        return SiteSummaryFormat.Read(reader)[0];
    }

    [Fact]
    public void Attaching_by_process_id_records_for_the_given_duration()
    {
        using var target = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { SeedReadLoopProfile.SampleDll, EndlessMiB }, RedirectStandardOutput = true })!;
        try
        {
            Thread.Sleep(1000); // let it start and jit the loop
            var prefix = Path.Combine(Path.GetTempPath(), $"attach-{Guid.NewGuid():N}");
            var result = ToolRunner.RunTool(TimeSpan.FromSeconds(60), "profile", "--pid", target.Id.ToString(), "--duration", "2", "-o", prefix);

            Assert.True(result.ExitCode == 0, result.Err + result.Out);
            var top = TopSite(prefix);
            Assert.Equal("ReadLoop.ReadAll(class System.IO.Stream)", top.Method);
            // The loop runs in OSR code by now, whose IL-to-native map charges the allocation to
            // line 28; the method's IL gives the `new byte[BufferSize]` line (was 28 before).
            Assert.Equal(OptimizedCodeLineProfile.AllocatingLine, top.Line);
            Assert.False(target.HasExited); // attaching does not end the program
        }
        finally
        {
            target.Kill();
        }
    }

    [Fact]
    public async Task A_program_killed_mid_recording_is_reported_as_such()
    {
        if (!OperatingSystem.IsLinux()) return; // finds the launched program through /proc
        var prefix = Path.Combine(Path.GetTempPath(), $"killed-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { ToolRunner.ToolDll, "profile", "-o", prefix, "--", SeedReadLoopProfile.SampleDll, EndlessMiB }) start.ArgumentList.Add(argument);
        using var tool = Process.Start(start)!;
        var error = tool.StandardError.ReadToEndAsync();
        await Task.Delay(4000);
        foreach (var child in Children(tool.Id)) Process.GetProcessById(child).Kill(); // SIGKILL: the runtime cannot close the trace
        if (!tool.WaitForExit(30_000))
        {
            tool.Kill(entireProcessTree: true);
            Assert.Fail("the tool did not stop within 30 s of its program's death");
        }

        Assert.Equal(3, tool.ExitCode);
        string stderr = await error;
        Assert.Contains("error: The program ended abnormally", stderr);
        Assert.DoesNotContain("   at ", stderr); // one line, no stack trace
    }

    /// <summary>The child processes of a process, from every one of its threads (Linux /proc).</summary>
    private static IEnumerable<int> Children(int processId) =>
        Directory.GetDirectories($"/proc/{processId}/task")
            .Select(task => Path.Combine(task, "children"))
            .Where(File.Exists)
            .SelectMany(file => File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse)
            .ToList();
}
