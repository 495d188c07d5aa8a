using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Tool.Calibration;

namespace AllocAnalyzers.Tool.Tests.Commands;

public class CalibrateCommandTests
{
    [Fact]
    public void Help_describes_the_output_and_exit_codes()
    {
        var (code, output, _) = ToolRunner.Run("calibrate", "--help");
        Assert.Equal(0, code);
        Assert.Contains("alloc_analyzers.cost_profile", output);
        Assert.Contains("--quick", output);
        Assert.Contains("Exit codes", output);
    }

    [Fact]
    public void Written_profile_is_readable_by_the_analyzer_side()
    {
        // The file format, not the measurement: a built-in profile goes through the same writer and the same
        // loader that simulate --profile (and the analyzer, through its options) use.
        string path = Path.Combine(Path.GetTempPath(), "alloc-profile-" + Guid.NewGuid().ToString("N") + ".globalconfig");
        try
        {
            File.WriteAllText(path, CostProfileConfig.Write(BuiltInProfiles.MacOS2016Seed));
            Assert.True(ProfileLoader.TryLoad(path, out var profile, out var error), error);
            Assert.Equal("macos-2016-seed", profile!.Name);
            var (code, output, _) = ToolRunner.Run("simulate", "-p", "macos", "--brief", "--profile", path, "calloc 100MiB; free x 10000");
            Assert.Equal(0, code);
            Assert.Contains("8 min", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Invalid_profile_file_names_the_key()
    {
        string path = Path.Combine(Path.GetTempPath(), "alloc-profile-" + Guid.NewGuid().ToString("N") + ".globalconfig");
        try
        {
            File.WriteAllText(path, "is_global = true\nalloc_analyzers.cost_profile.page_fault_seconds = slow\n");
            var (code, _, error) = ToolRunner.Run("simulate", "--profile", path, "malloc 1");
            Assert.Equal(2, code);
            Assert.Contains("alloc_analyzers.cost_profile.page_fault_seconds: expected a number of seconds", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_output_that_cannot_be_written_fails_before_measuring()
    {
        if (!OperatingSystem.IsLinux()) return; // elsewhere calibrate stops earlier, with exit code 4
        var (code, output, error) = ToolRunner.Run("calibrate", "--quick", "-o", "/proc/no-such-directory/costs.globalconfig");
        Assert.Equal(3, code);
        Assert.StartsWith("error: cannot write /proc/no-such-directory/costs.globalconfig", error);
        Assert.DoesNotContain("memset", output); // nothing was measured
    }

    [Fact]
    public void Help_offers_force_for_a_busy_machine()
    {
        var (code, output, _) = ToolRunner.Run("calibrate", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--force", output);
        Assert.Contains("5  the machine was too busy", output);
    }

    [Fact]
    public void Calibrator_lists_every_step_with_a_name()
    {
        var steps = new Calibrator(quick: true).Steps;
        Assert.True(steps.Count >= 8);
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Name)));
    }
}
