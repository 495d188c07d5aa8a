using AllocAnalyzers.Tests.Verification;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;

namespace AllocAnalyzers.Tests.Configuration;

/// <summary>A calibrated cost profile in a .globalconfig prices the messages; a broken one is ALLOC900, once.</summary>
public class CostProfileSettingTests
{
    private const string Source = """
        class C
        {
            void M(bool go)
            {
                while (go) { var a = {|ALLOC001:new byte[1 << 20]|}; a[0] = 1; go = a[1] == 0; }
                while (go) { var b = {|ALLOC001:new byte[1 << 20]|}; b[0] = 1; go = b[1] == 0; }
            }
        }
        """;

    [Fact]
    public async Task Calibrated_profile_from_globalconfig_prices_the_message()
    {
        var defaults = await Verify.VerifyAsync(Source);
        var calibrated = await Verify.VerifyAsync(Source, new TestOptions
        {
            GlobalConfig = """
                alloc_analyzers.cost_profile.name = my-laptop
                alloc_analyzers.cost_profile.zeroing_bandwidth_cache = 1e9
                alloc_analyzers.cost_profile.zeroing_bandwidth_large = 1e9
                """,
        });

        string message = calibrated[0].GetMessage();
        Assert.EndsWith("per iteration on the 'my-laptop' profile", message);
        Assert.EndsWith("per iteration on Linux x64", defaults[0].GetMessage());
        Assert.Equal("calibrated", calibrated[0].Properties["Platform"]);
        Assert.Equal("my-laptop", calibrated[0].Properties["CostProfile"]);
        Assert.NotEqual(defaults[0].GetMessage(), message);
    }

    [Fact]
    public async Task Invalid_profile_is_reported_once_and_the_default_prices_the_message()
    {
        var diagnostics = await Verify.VerifyAsync(Source, new TestOptions
        {
            GlobalConfig = "alloc_analyzers.cost_profile.zeroing_bandwidth_cache = fast\n",
            ExpectedProjectDiagnostics = new[] { "ALLOC900" },
        });

        var error = diagnostics.Single(d => d.Id == "ALLOC900").GetMessage();
        Assert.Contains("alloc_analyzers.cost_profile.zeroing_bandwidth_cache", error);
        Assert.Contains("fast", error);
        Assert.All(diagnostics.Where(d => d.Id == "ALLOC001"), d => Assert.EndsWith("on Linux x64", d.GetMessage()));
    }
}
