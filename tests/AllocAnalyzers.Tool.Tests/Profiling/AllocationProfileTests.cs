using AllocAnalyzers.Tool.Profiling;

namespace AllocAnalyzers.Tool.Tests.Profiling;

public class AllocationProfileTests
{
    private static readonly StackFrame Reader = new("App.Reader.ReadAll", "App.dll");
    private static readonly StackFrame Main = new("App.Program.Main", "App.dll");

    [Fact]
    public void Sampled_events_are_scaled_by_their_sampling_probability()
    {
        var profile = new AllocationProfile();
        profile.AddSampled([Reader, Main], "System.Byte[]", isLarge: true, objectSize: 1 << 20);
        profile.AddSampled([Reader, Main], "System.Byte[]", isLarge: true, objectSize: 1 << 20);
        profile.AddSampled([Main], "System.String", isLarge: false, objectSize: 32);

        var samples = profile.Samples();
        Assert.Equal(AllocationEventSource.Sampled, profile.Source);
        Assert.Equal(2, samples[0].Events);
        Assert.Equal(2.0 * (1 << 20), samples[0].EstimatedBytes, 0.001 * (1 << 20)); // 1 MiB is always sampled
        Assert.Equal(102_400 / 32.0, samples[1].EstimatedCount, 1.0); // a 32-byte object stands for about 3,200
    }

    [Fact]
    public void Ticks_are_used_only_when_no_sampled_event_arrived()
    {
        var ticksOnly = new AllocationProfile();
        ticksOnly.AddTick([Reader], "System.Byte[]", isLarge: false, amount: 100_000, objectSize: 1000);
        Assert.Equal(AllocationEventSource.Tick, ticksOnly.Source);
        Assert.Equal(100.0, Assert.Single(ticksOnly.Samples()).EstimatedCount);

        var both = new AllocationProfile();
        both.AddTick([Reader], "System.Byte[]", isLarge: false, amount: 100_000, objectSize: 1000);
        both.AddSampled([Main], "System.String", isLarge: false, objectSize: 100_000);
        Assert.Equal(AllocationEventSource.Sampled, both.Source);
        Assert.Equal("App.Program.Main", Assert.Single(both.Samples()).Site.Method);
    }

    [Fact]
    public void Sites_fold_stacks_by_method_type_and_heap()
    {
        var profile = new AllocationProfile();
        profile.AddSampled([Reader, Main], "System.Byte[]", isLarge: true, objectSize: 1 << 20);
        profile.AddSampled([Reader, new StackFrame("App.Other.Caller", "App.dll")], "System.Byte[]", isLarge: true, objectSize: 1 << 20);
        profile.AddSampled([Reader, Main], "System.Char[]", isLarge: false, objectSize: 1 << 10);

        var rows = SiteSummaryBuilder.Rows(profile.Samples());
        Assert.Equal(2, rows.Count);
        Assert.Equal(("App.Reader.ReadAll", "System.Byte[]", 2L, true), (rows[0].Method, rows[0].Type, rows[0].Samples, rows[0].IsLarge));
    }

    [Fact]
    public void An_empty_stack_is_kept_as_unknown()
    {
        var profile = new AllocationProfile();
        profile.AddSampled([], "System.Object", isLarge: false, objectSize: 24);
        Assert.Equal("[unknown]", Assert.Single(profile.Samples()).Site.Method);
    }
}
