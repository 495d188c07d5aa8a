using AllocAnalyzers.Tool.Calibration;

namespace AllocAnalyzers.Tool.Tests.Calibration;

public class MachineLoadTests
{
    [Theory]
    [InlineData(0.1, 2, LoadVerdict.Quiet)]
    [InlineData(0.5, 2, LoadVerdict.Busy)]
    [InlineData(1.0, 2, LoadVerdict.Unreliable)]
    [InlineData(1.9, 8, LoadVerdict.Busy)]
    [InlineData(1.5, 8, LoadVerdict.Quiet)]
    public void Others_busy_cores_are_judged_against_the_core_count(double others, int cores, LoadVerdict expected)
    {
        Assert.Equal(expected, MachineLoad.Judge(others, cores));
    }

    [Theory]
    [InlineData(0.4, 2, LoadVerdict.Quiet)]
    [InlineData(1.2, 2, LoadVerdict.Busy)]
    [InlineData(30.5, 2, LoadVerdict.Unreliable)]
    public void A_load_average_of_one_runnable_process_per_core_is_too_busy_to_start(double load, int cores, LoadVerdict expected)
    {
        Assert.Equal(expected, MachineLoad.JudgeLoadAverage(load, cores));
    }

    [Fact]
    public void The_cpu_line_counts_steal_as_busy_and_iowait_as_idle()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice
        var (busy, total) = MachineLoad.CpuTimes.ParseCpuLine("cpu  100 5 50 800 40 3 2 10 0 0");
        Assert.Equal(170, busy);
        Assert.Equal(1010, total);
    }

    [Fact]
    public void Own_ticks_are_read_after_a_command_name_with_spaces_and_parentheses()
    {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        var stat = "4242 (my (odd) tool) R 1 4242 4242 0 -1 4194304 900 0 0 0 70 30 15 5 20 0 3 0";
        Assert.Equal(120, MachineLoad.CpuTimes.ParseOwnTicks(stat));
    }

    [Fact]
    public void Others_busy_cores_leave_out_this_process_and_its_children()
    {
        var start = new MachineLoad.CpuTimes(Busy: 1000, Total: 4000, Own: 100);
        // 2 cores for 1000 ticks each: 2000 total ticks, 1500 busy, of which 500 were ours.
        var end = new MachineLoad.CpuTimes(Busy: 2500, Total: 6000, Own: 600);
        Assert.Equal(1.0, MachineLoad.OthersBusyCores(start, end, cores: 2), precision: 6);
    }

    [Fact]
    public void This_machine_can_be_read_on_linux()
    {
        if (!OperatingSystem.IsLinux()) return;
        var load = MachineLoad.Start();
        Assert.NotNull(load);
        Assert.True(load!.LoadAverageAtStart >= 0);
        Assert.InRange(load.OthersBusyCores(), 0, MachineLoad.Cores);
    }
}
