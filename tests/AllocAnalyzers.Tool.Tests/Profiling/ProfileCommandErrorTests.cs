namespace AllocAnalyzers.Tool.Tests.Profiling;

/// <summary>Bad input gives one clear line on stderr and a non-zero exit, never a stack trace.</summary>
public class ProfileCommandErrorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static void AssertCleanFailure((int ExitCode, string Out, string Err) result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Err);
        Assert.DoesNotContain("   at ", result.Err + result.Out);
        Assert.DoesNotContain("Exception:", result.Err + result.Out);
    }

    [Fact]
    public void A_process_id_that_does_not_exist()
    {
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile", "--pid", "2147483000"), "No process has id 2147483000");
    }

    [Fact]
    public void A_process_that_is_not_dotnet()
    {
        // PID 1 of this machine or container is not a .NET program.
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile", "--pid", "1"), "has no .NET diagnostics port");
    }

    [Fact]
    public void A_program_that_does_not_exist()
    {
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile", "--", "/nonexistent/program"), "does not exist");
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile", "--", "no-such-program-on-path"), "Could not start");
    }

    [Fact]
    public void A_program_that_exits_before_the_runtime_starts()
    {
        // Not a .NET program: it never opens a diagnostics port.
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile", "--", "/bin/false"), "before the profiler could attach");
    }

    [Fact]
    public void No_target_or_two_targets()
    {
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile"), "give one target");
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile", "--pid", "1", "--trace", "x.nettrace"), "give one target");
    }

    [Fact]
    public void A_corrupt_trace_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.nettrace");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919)).ToArray());
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile", "--trace", path), "could not be read");
        File.Delete(path);
    }

    [Fact]
    public void A_truncated_trace_file()
    {
        // The nettrace header cut short: magic, then half of the FastSerialization signature.
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.nettrace");
        File.WriteAllBytes(path, [.. "Nettrace"u8, 20, 0, 0, 0, .. "!FastSeri"u8]);
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile", "--trace", path), "could not be read");
        File.Delete(path);
    }

    [Fact]
    public void A_missing_trace_file()
    {
        AssertCleanFailure(ToolRunner.RunTool(Timeout, "profile", "--trace", "/nonexistent/x.nettrace"), "does not exist");
    }
}
