using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AllocAnalyzers.Runtime.Profiling.Summary;

namespace AllocAnalyzers.Tool.Tests.Profiling;

/// <summary>
/// SIGTERM, SIGINT and a terminal's Ctrl+C stop `profile` at any moment without losing the
/// recording: the profile is written from what was recorded (or, before anything was, a
/// documented exit code), temporary files are deleted and a launched program does not outlive
/// the tool. Each test waits for one of the tool's own lines, then signals.
/// </summary>
public partial class ProfileStopTests
{
    private const string EndlessMiB = "1000000"; // runs far longer than any test
    private const string ReadLoopMethod = "ReadLoop.ReadAll(class System.IO.Stream)";
    private const int NothingRecorded = 3;

    private static StoppableToolRun Launch(params string[] extra) => new([.. extra, "--", SeedReadLoopProfile.SampleDll, EndlessMiB]);

    private static bool IsRecordingLine(string line) => line.StartsWith("recording ", StringComparison.Ordinal);

    /// <summary>A progress line that counts some events: the program has been allocating for a while.</summary>
    private static bool HasRecordedEvents(string line)
    {
        var match = RecordedMiB().Match(line);
        return IsRecordingLine(line) && match.Success && double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 0;
    }

    [Fact]
    public void Stopped_while_the_program_starts_ends_cleanly()
    {
        if (!OperatingSystem.IsLinux()) return; // signals and /proc
        using var run = Launch();
        run.WaitForLine(line => line.StartsWith("starting ", StringComparison.Ordinal));
        var children = run.Children();
        run.Signal(StoppableToolRun.SigTerm);
        var result = run.WaitForExit();

        // The stop lands before the session or just after it started: either way a documented outcome.
        AssertCleanStop(run, result, children, allowNothingRecorded: true);
    }

    [Fact]
    public void Stopped_as_soon_as_the_recording_starts_ends_cleanly()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var run = Launch();
        run.WaitForLine(IsRecordingLine);
        var children = run.Children();
        run.Signal(StoppableToolRun.SigTerm);
        AssertCleanStop(run, run.WaitForExit(), children, allowNothingRecorded: true);
    }

    [Theory]
    [InlineData(StoppableToolRun.SigTerm)]
    [InlineData(StoppableToolRun.SigInt)]
    public void A_signal_mid_recording_writes_the_profile(int signal)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var run = Launch();
        run.WaitForLine(IsRecordingLine);
        if (signal == StoppableToolRun.SigInt && StoppableToolRun.Ignores(run.Id, signal))
        {
            return; // started with Ctrl+C ignored, as a shell's background job is: there is nothing to test
        }

        run.WaitForLine(HasRecordedEvents);
        var children = run.Children();
        run.Signal(signal);
        var result = run.WaitForExit();

        AssertCleanStop(run, result, children, allowNothingRecorded: false);
        Assert.Equal(ReadLoopMethod, TopMethod(run.Prefix));
    }

    [Fact]
    public void Ctrl_C_on_a_terminal_reaches_the_program_too_and_the_profile_is_still_written()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var run = Launch();
        run.WaitForLine(IsRecordingLine);
        if (StoppableToolRun.Ignores(run.Id, StoppableToolRun.SigInt)) return; // as above
        run.WaitForLine(HasRecordedEvents);

        // A terminal sends SIGINT to its whole foreground process group: the program gets it too.
        var children = run.Children();
        Assert.All(children, child => Assert.True(StoppableToolRun.Ignores(child, StoppableToolRun.SigInt), "the launched program should ignore SIGINT"));
        foreach (var child in children) StoppableToolRun.Signal(child, StoppableToolRun.SigInt);
        run.Signal(StoppableToolRun.SigInt);
        var result = run.WaitForExit();

        AssertCleanStop(run, result, children, allowNothingRecorded: false);
        Assert.Equal(ReadLoopMethod, TopMethod(run.Prefix));
    }

    [Fact]
    public void A_signal_while_the_trace_is_read_does_not_interrupt_it()
    {
        if (!OperatingSystem.IsLinux()) return;
        // A program that ends by itself (as in SeedReadLoopProfile): the recording ends with it, then the read starts.
        using var run = new StoppableToolRun("--", SeedReadLoopProfile.SampleDll, SeedReadLoopProfile.MebibytesRead.ToString(CultureInfo.InvariantCulture));
        run.WaitForLine(line => line.StartsWith("reading the recording", StringComparison.Ordinal));
        run.Signal(StoppableToolRun.SigTerm);
        var result = run.WaitForExit();

        AssertCleanStop(run, result, [], allowNothingRecorded: false);
        Assert.Equal(ReadLoopMethod, TopMethod(run.Prefix));
    }

    private static void AssertCleanStop(StoppableToolRun run, (int ExitCode, string Out, string Err) result, IReadOnlyList<int> children, bool allowNothingRecorded)
    {
        var report = $"exit {result.ExitCode}\nstderr:\n{result.Err}\nstdout:\n{result.Out}";
        Assert.DoesNotContain("   at ", result.Err + result.Out); // never a stack trace
        Assert.Empty(run.TemporaryFilesLeft());
        foreach (var child in children) Assert.True(HasEnded(child), $"the launched program {child} outlived the tool\n{report}");
        if (result.ExitCode == 0)
        {
            Assert.True(File.Exists(run.Prefix + ".pb.gz"), report);
            Assert.True(File.Exists(run.Prefix + ".sites.tsv"), report);
            return;
        }

        Assert.True(allowNothingRecorded && result.ExitCode == NothingRecorded, report);
        Assert.Contains("nothing was", result.Err);
        Assert.False(File.Exists(run.Prefix + ".pb.gz"), report);
    }

    private static bool HasEnded(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            return true; // gone (and reaped) already
        }
    }

    private static string TopMethod(string prefix)
    {
        using var reader = new StreamReader(prefix + ".sites.tsv");
        return SiteSummaryFormat.Read(reader)[0].Method;
    }

    [GeneratedRegex(@", ([0-9.,]+) MiB of events")]
    private static partial Regex RecordedMiB();
}
